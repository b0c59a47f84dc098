declare module "html-encoding-sniffer" {
  /**
   * The WHATWG encoding sniffing algorithm: BOM, then the transport layer's label, then (unless `xml`) a
   * prescan of the first 1024 bytes for `<meta charset>` / `http-equiv`, then `defaultEncoding`. Returns
   * an encoding name (e.g. "UTF-8", "windows-1252", "KOI8-R") or `defaultEncoding`.
   */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string | null },
  ): string | null;
}

declare module "html-encoding-sniffer" {
  /**
   * The WHATWG encoding sniffing algorithm: BOM, then the transport layer's label, then a prescan of
   * the first 1024 bytes for `<meta charset>` / `http-equiv`, then `defaultEncoding`.
   */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string | null },
  ): string | null;
}

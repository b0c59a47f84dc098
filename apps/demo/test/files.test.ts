import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, pastedInput, readFiles, uniqueName } from "../src/files.js";
import { DemoInputSchema } from "../src/protocol.js";

describe("pasted and dropped inputs", () => {
  it("names pasted articles pasted-N.txt and keeps only the metadata typed", () => {
    const input = pastedInput({ text: "Title\n\nBody.", outlet: "  Isle Courier ", publishedAt: "", role: "derived" }, new Set(["pasted-1.txt"]));
    expect(input).toEqual({ name: "pasted-2.txt", data: "Title\n\nBody.", mediaType: "text/plain", metadata: { role: "derived", outlet: "Isle Courier" } });
    expect(DemoInputSchema.safeParse(input).success).toBe(true);
  });

  it("makes file names unique", () => {
    expect(uniqueName("a.txt", new Set())).toBe("a.txt");
    expect(uniqueName("a.txt", new Set(["a.txt", "a-2.txt"]))).toBe("a-3.txt");
    expect(uniqueName("README", new Set(["README"]))).toBe("README-2");
  });

  it("reads files as bytes and reports the ones too large instead of reading them", async () => {
    const small = new File(["Harbour news"], "news.txt", { type: "text/plain" });
    const big = { name: "huge.xml", size: MAX_FILE_BYTES + 1, type: "", arrayBuffer: () => Promise.reject(new Error("must not be read")) } as unknown as File;
    const { inputs, problems } = await readFiles([small, big], new Set(["news.txt"]));
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.name).toBe("news-2.txt");
    expect(new TextDecoder().decode(inputs[0]!.data as Uint8Array)).toBe("Harbour news");
    expect(problems).toEqual([{ name: "huge.xml", message: expect.stringContaining(`${MAX_FILE_BYTES + 1} bytes`) }]);
  });
});

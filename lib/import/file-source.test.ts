import { describe, expect, it } from "vitest";
import { detectEncoding, looksBinary } from "./file-source";

describe("detectEncoding", () => {
  it("reads a UTF-8 BOM and strips it", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: "utf-8", bomLength: 3 });
  });

  it("takes valid UTF-8 as UTF-8, even when the sample cuts a character in two", () => {
    const text = Buffer.from("Saint-Étienne", "utf8");
    expect(detectEncoding(text).encoding).toBe("utf-8");
    expect(detectEncoding(text.subarray(0, 7)).encoding).toBe("utf-8");
  });

  it("falls back to Windows-1252 for Latin-1 bytes", () => {
    expect(detectEncoding(Buffer.from([0x53, 0x61, 0x69, 0x6e, 0x74, 0x2d, 0xc9, 0x74, 0x69]))).toEqual({ encoding: "windows-1252", bomLength: 0 });
  });
});

describe("looksBinary", () => {
  it("spots NUL bytes and control characters, not text", () => {
    expect(looksBinary(Buffer.from("id;nom\r\n1;a\tb\n"))).toBe(false);
    expect(looksBinary(Buffer.from([0x50, 0x4b, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 0x02 : 0x41))))).toBe(true);
  });
});

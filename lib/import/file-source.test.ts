import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipOf } from "@/lib/testing/zip";
import { detectEncoding, looksBinary, openTextSource, type ExpansionLimits } from "./file-source";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-archives-"));
const write = (name: string, bytes: Buffer) => {
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  return file;
};

async function readAll(file: string, limits?: ExpansionLimits): Promise<string> {
  const source = await openTextSource(file, limits);
  let text = "";
  for await (const chunk of source.text) text += chunk;
  return text;
}

const csv = (bytes: number) => Buffer.from("IdentifiantImmeuble;EtatImmeuble\n" + "IMB/1;DEPLOYE\n".repeat(Math.ceil(bytes / 14)));
const small: ExpansionLimits = { ratio: 100, floorBytes: 1024 * 1024, ceilingBytes: 1024 ** 3 };

describe("archives", () => {
  it("reads the CSV inside a zip", async () => {
    expect(await readAll(write("ipe.zip", zipOf("LIAIN_IPE.csv", Buffer.from("a;b\n1;2\n"))))).toBe("a;b\n1;2\n");
  });

  it("refuses a zip that says it expands to 2 GB before reading it, in French", async () => {
    const bomb = write("bombe.zip", zipOf("ipe.csv", csv(64 * 1024), 2 * 1024 ** 3));
    await expect(readAll(bomb)).rejects.toThrow(/^bombe\.zip : archive trop volumineuse une fois décompressée \(2 Go, limite 0,\d Go pour une archive de \d+ ko\)\.$/);
  });

  it("stops a gzip past 100 times its size, and a zip whose content outgrows what it declares", async () => {
    const gzip = write("bombe.csv.gz", zlib.gzipSync(csv(8 * 1024 * 1024)));
    await expect(readAll(gzip, small)).rejects.toThrow(/^bombe\.csv\.gz : archive trop volumineuse une fois décompressée \(plus de \d+ Mo, limite \d+ Mo pour une archive de \d+ ko\)\.$/);
    const liar = write("menteuse.zip", zipOf("ipe.csv", csv(512 * 1024), 1000));
    await expect(readAll(liar)).rejects.toThrow("menteuse.zip : archive zip invalide, son contenu dépasse la taille qu'elle annonce.");
    expect((await readAll(write("normal.csv.gz", zlib.gzipSync(csv(512 * 1024))), small)).length).toBeGreaterThan(512 * 1024);
  });
});

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

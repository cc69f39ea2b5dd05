/**
 * The member list's text as it came: its encoding (UTF-8 with or without BOM, else Windows-1252,
 * detected as the importers do) and its separator (the one of `;`, `,` and tab its header line uses
 * most), so the answer is written back the same way.
 */
import { detectEncoding, type TextEncoding } from "@/lib/import/file-source";

export type Separator = ";" | "," | "\t";

export interface TextFormat {
  encoding: TextEncoding;
  hasBom: boolean;
  separator: Separator;
}

/** The format of a file from its first bytes (up to 64 KiB: the header line and more). */
export function detectTextFormat(sample: Buffer): TextFormat {
  const { encoding, bomLength } = detectEncoding(sample);
  const text = new TextDecoder(encoding).decode(sample.subarray(bomLength));
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (character: string) => header.split(character).length - 1;
  const separators: Separator[] = [";", ",", "\t"];
  const separator = separators.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ";" as Separator);
  return { encoding, hasBom: bomLength > 0, separator };
}

/** Windows-1252's characters of 0x80–0x9F; the other bytes are Latin-1. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const CP1252_BYTES = new Map<number, number>([...CP1252_HIGH].map((character, index) => [character.codePointAt(0)!, 0x80 + index]));

/** Text → bytes in the file's encoding; a character Windows-1252 lacks becomes "?". */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  const bytes = Buffer.allocUnsafe(text.length);
  let length = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const mapped = CP1252_BYTES.get(code);
    bytes[length++] = mapped ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f);
  }
  return bytes.subarray(0, length);
}

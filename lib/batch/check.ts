import "server-only";
/**
 * A member list checked line by line, a chunk at a time: each line as it came, then where it was
 * found (fp_match, fp_score, fp_ban_id, fp_label, fp_url), the level, status, date and source of
 * each technology, and why a line was not found (fp_reason). Written as CSV in the list's own
 * encoding and separator, or as an XLSX sheet (exceljs' streaming writer, every cell text so codes
 * keep their leading zeros). Memory holds one chunk, whatever the list's length.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { encodeText } from "@/lib/batch/codec";
import { BATCH_CHUNK_LINES } from "@/lib/batch/limits";
import { addressesWithLevels } from "@/lib/batch/levels";
import type { OpenedList } from "@/lib/batch/read";
import { LineResolver, type LineMatch } from "@/lib/batch/resolve";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import type { ExportedAddress } from "@/lib/data/exports";
import { TECHNOLOGIES } from "@/lib/technologies";
import { safeCsvCell } from "@/lib/text/csv";

export const RESULT_COLUMNS: readonly string[] = [
  "fp_match",
  "fp_score",
  "fp_ban_id",
  "fp_label",
  "fp_url",
  ...TECHNOLOGIES.flatMap((technology) => ["level", "status", "date", "source"].map((field) => `fp_${technology.toLowerCase()}_${field}`)),
  "fp_reason",
];

function resultCells(match: LineMatch, address: ExportedAddress | undefined, origin: string): string[] {
  if (match.match === "none" || !address) {
    return ["none", "", "", "", "", ...TECHNOLOGIES.flatMap(() => ["", "", "", ""]), match.reason || "adresse introuvable"];
  }
  const url = `${origin}/adresse/${encodeURIComponent(address.id)}${match.siret ? `?siret=${match.siret}` : ""}`;
  return [
    match.match,
    String(match.score),
    address.id,
    // Addresses come from open files: a street name may read as a spreadsheet formula (lib/text/csv.ts).
    safeCsvCell(address.label),
    url,
    ...TECHNOLOGIES.flatMap((technology) => {
      const answer = address.technologies[technology];
      return [answer.level, answer.status ?? "", answer.date ?? "", safeCsvCell(answer.source ?? "")];
    }),
    "",
  ];
}

/** Each chunk's output rows (header first), in the list's order. */
async function* checkedRows(list: OpenedList, origin: string): AsyncGenerator<string[][]> {
  yield [[...list.header, ...RESULT_COLUMNS]];
  const resolver = new LineResolver(list.plan);
  const directory = await loadOperatorDirectory();
  const width = list.header.length;
  for (let done = false; !done; ) {
    const chunk: string[][] = [];
    const malformed = new Map<number, string>();
    while (chunk.length < BATCH_CHUNK_LINES) {
      const next = await list.records.next();
      if (next.done) {
        done = true;
        break;
      }
      const record = next.value;
      if (record.length === 1 && record[0] === "" && width > 1) malformed.set(chunk.length, "ligne vide");
      else if (record.length !== width) malformed.set(chunk.length, `ligne mal formée : ${record.length} champs au lieu de ${width}`);
      chunk.push(record);
    }
    if (chunk.length === 0) break;
    const matches = await resolver.resolve(chunk, malformed);
    const addresses = await addressesWithLevels(matches.flatMap((match) => (match.addressId ? [match.addressId] : [])), directory);
    yield chunk.map((record, index) => {
      const cells = record.length >= width ? record.slice(0, width) : [...record, ...Array<string>(width - record.length).fill("")];
      const match = matches[index]!;
      return [...cells, ...resultCells(match, match.addressId ? addresses.get(match.addressId) : undefined, origin)];
    });
  }
}

/** The answer as CSV bytes, chunk by chunk, in the list's encoding (with its BOM when it had one). */
export async function* checkedCsv(list: OpenedList, origin: string): AsyncGenerator<Buffer> {
  const { encoding, hasBom, separator } = list.format;
  if (hasBom) yield Buffer.from([0xef, 0xbb, 0xbf]);
  for await (const rows of checkedRows(list, origin)) {
    yield encodeText(stringify(rows, { delimiter: separator, record_delimiter: list.lineEnd === "\r\n" ? "windows" : "unix" }), encoding);
  }
}

/** The answer as an XLSX workbook, streamed. */
export async function* checkedXlsx(list: OpenedList, origin: string): AsyncGenerator<Buffer> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Vérification");
  const writing = (async () => {
    for await (const rows of checkedRows(list, origin)) for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })();
  writing.catch((error: unknown) => output.destroy(error as Error));
  for await (const chunk of output) yield chunk as Buffer;
  await writing;
}

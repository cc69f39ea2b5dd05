/**
 * CSV records read by header name (case-insensitive, extra columns ignored, optional columns may
 * be missing), with their line numbers, from a decoded text source. Streaming: constant memory.
 */
import { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parse } from "csv-parse";
import { ImportFileError } from "@/lib/import/errors";
import { guessFormat } from "@/lib/import/format-signatures";
import type { TextSource } from "@/lib/import/file-source";

export interface CsvSpec {
  /** What the file should be, for messages: "IPE (Interop'Fibre)". */
  label: string;
  /** "auto": the one of `;` and `,` the header line uses most. */
  delimiter: ";" | "," | "auto";
  required: readonly string[];
}

export interface CsvRecord {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** The trimmed value of a column, "" when the column or the value is missing. */
  get(column: string): string;
  has(column: string): boolean;
  /** The longest field, to refuse absurd lines cleanly. */
  maxFieldLength: number;
}

/** A single line longer than this stops the import (memory bound); longer fields are rejected per line. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

const YIELD_EVERY_LINES = 100;

type ParsedRecord = { record: string[]; info: { lines: number } };

/** The text with its first chunk looked at: the separator its header line uses most. */
async function sniffDelimiter(text: AsyncIterable<string>): Promise<{ delimiter: ";" | ","; text: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? "" : first.value;
  const line = head.split(/\r?\n/, 1)[0] ?? "";
  const count = (character: string) => line.split(character).length - 1;
  async function* replay() {
    if (!first.done) yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { delimiter: count(",") > count(";") ? "," : ";", text: replay() };
}

export async function* readCsv(source: TextSource, spec: CsvSpec): AsyncGenerator<CsvRecord> {
  let text = source.text;
  let delimiter: ";" | ",";
  if (spec.delimiter === "auto") ({ delimiter, text } = await sniffDelimiter(source.text));
  else delimiter = spec.delimiter;
  const parser = Readable.from(text).pipe(
    parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );

  let columns: ((column: string) => number) | null = null;
  let dataLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      if (!columns) {
        columns = columnPositions(headerIndex(record, source, { ...spec, delimiter }));
        continue;
      }
      dataLines += 1;
      // Buffered records come through microtasks alone: let the event loop in now and then, for the
      // SQLite thread's replies (lib/import/store/sqlite-store.ts) and progress.
      if (dataLines % YIELD_EVERY_LINES === 0) await nextTurn();
      const position = columns;
      yield {
        line: info.lines,
        get: (column) => {
          const at = position(column);
          return at < 0 ? "" : (record[at] ?? "").trim();
        },
        has: (column) => position(column) >= 0,
        maxFieldLength: record.reduce((max, field) => Math.max(max, field.length), 0),
      };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "CSV_MAX_RECORD_SIZE") {
      throw new ImportFileError(`${source.fileName} : une ligne dépasse ${MAX_RECORD_BYTES / 1024 / 1024} Mo ; est-ce bien un fichier CSV ?`);
    }
    throw new ImportFileError(`${source.fileName} n'est pas un fichier CSV lisible (${error instanceof Error ? error.message : code}).`);
  }
  if (!columns || dataLines === 0) throw new ImportFileError(`${source.fileName} ne contient aucune ligne de données.`);
}

/** A column's position (-1 when absent) by the name an importer asks for, resolved once per name. */
function columnPositions(index: ReadonlyMap<string, number>): (column: string) => number {
  const resolved = new Map<string, number>();
  return (column) => {
    let position = resolved.get(column);
    if (position === undefined) {
      position = index.get(column.toLowerCase()) ?? -1;
      resolved.set(column, position);
    }
    return position;
  };
}

function headerIndex(header: string[], source: TextSource, spec: CsvSpec & { delimiter: ";" | "," }): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    const key = name.trim().replace(/^\uFEFF/, "").toLowerCase();
    if (key && !index.has(key)) index.set(key, position);
  });
  const missing = spec.required.filter((column) => !index.has(column.toLowerCase()));
  if (missing.length > 0) {
    const guessed = guessFormat(header);
    const hint = guessed ? ` Il ressemble à un fichier ${guessed.label}.` : "";
    const other = spec.delimiter === ";" ? "," : ";";
    const separatorHint =
      header.length === 1 && (header[0] ?? "").includes(other) ? ` Ses colonnes sont séparées par « ${other} », ce format utilise « ${spec.delimiter} ».` : "";
    throw new ImportFileError(
      `${source.fileName} n'est pas un fichier ${spec.label} : ${missing.length > 1 ? "colonnes manquantes" : "colonne manquante"} ${missing.join(", ")}.${hint}${separatorHint}`,
    );
  }
  return index;
}

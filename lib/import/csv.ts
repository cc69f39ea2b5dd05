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
  /** Groups of columns of which one must be whole: `{ name: "de position", anyOf: [["lon", "lat"], ["x", "y"]] }`. */
  requiredGroups?: readonly { name: string; anyOf: readonly (readonly string[])[] }[];
  /** Why a header that has the required columns is still refused (a former version of the format), or null. */
  refuseHeader?: (columns: ReadonlySet<string>) => string | null;
}

/**
 * A column a format can work out from others when a vintage of its file lacks it (the Arcep Carte
 * fibre 2020 file has no code_insee: the commune comes from code_poste and nom_com). Carried by the
 * text source, so the shared import loops read it like any column.
 */
export interface DerivedColumn {
  /** The columns it is worked out from (lower case); all must be in the header. */
  from: readonly string[];
  value(get: (column: string) => string): string;
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
  let derived: ReadonlyMap<string, DerivedColumn> = new Map();
  let dataLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      if (!columns) {
        const index = headerIndex(record, source, { ...spec, delimiter });
        derived = usableDerivedColumns(source.derivedColumns, index);
        columns = columnPositions(index);
        continue;
      }
      dataLines += 1;
      // Buffered records come through microtasks alone: let the event loop in now and then, for the
      // SQLite thread's replies (lib/import/store/sqlite-store.ts) and progress.
      if (dataLines % YIELD_EVERY_LINES === 0) await nextTurn();
      const position = columns;
      const get = (column: string): string => {
        const at = position(column);
        if (at >= 0) return (record[at] ?? "").trim();
        return derived.get(column.toLowerCase())?.value(get) ?? "";
      };
      yield {
        line: info.lines,
        get,
        has: (column) => position(column) >= 0 || derived.has(column.toLowerCase()),
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
  const derived = usableDerivedColumns(source.derivedColumns, index);
  const refusal = spec.refuseHeader?.(new Set(index.keys()));
  if (refusal) throw new ImportFileError(`${source.fileName} ${refusal}`);
  const missing = spec.required.filter((column) => !index.has(column.toLowerCase()) && !derived.has(column.toLowerCase()));
  if (missing.length > 0) {
    const guessed = guessFormat(header);
    // No "it looks like a <format> file" when it looks like the very format asked for.
    const hint = guessed && guessed.label !== spec.label ? ` Il ressemble à un fichier ${guessed.label}.` : "";
    const other = spec.delimiter === ";" ? "," : ";";
    const separatorHint =
      header.length === 1 && (header[0] ?? "").includes(other) ? ` Ses colonnes sont séparées par « ${other} », ce format utilise « ${spec.delimiter} ».` : "";
    throw new ImportFileError(
      `${source.fileName} n'est pas un fichier ${spec.label} : ${missing.length > 1 ? "colonnes manquantes" : "colonne manquante"} ${missing
        .map((column) => describeMissing(column, source.derivedColumns))
        .join(", ")}.${hint}${separatorHint}`,
    );
  }
  for (const group of spec.requiredGroups ?? []) {
    if (group.anyOf.some((columns) => columns.every((column) => index.has(column.toLowerCase())))) continue;
    const choices = group.anyOf.map((columns) => columns.join(" et "));
    throw new ImportFileError(
      `${source.fileName} n'a pas de colonnes ${group.name} : il faut ${choices.slice(0, -1).join(", ")}${choices.length > 1 ? " ou " : ""}${choices[choices.length - 1]} ; rien n'a été importé.`,
    );
  }
  return index;
}

function describeMissing(column: string, derivable: TextSource["derivedColumns"]): string {
  const rule = derivable?.[column.toLowerCase()];
  return rule ? `${column} (ou ${rule.from.join(" et ")})` : column;
}

/** The derived columns the header lacks and can work out. */
function usableDerivedColumns(rules: TextSource["derivedColumns"], index: ReadonlyMap<string, number>): Map<string, DerivedColumn> {
  const usable = new Map<string, DerivedColumn>();
  for (const [name, rule] of Object.entries(rules ?? {})) {
    if (!index.has(name) && rule.from.every((column) => index.has(column))) usable.set(name, rule);
  }
  return usable;
}

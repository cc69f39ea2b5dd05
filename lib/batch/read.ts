import "server-only";
/**
 * The spooled member list read back as records, in its own encoding and separator. Every line
 * counts, empty or malformed ones included: they are answered, never dropped.
 */
import fs from "node:fs";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import { detectTextFormat, type TextFormat } from "@/lib/batch/codec";
import { planColumns, type ColumnPlan } from "@/lib/batch/columns";
import type { BatchLimits } from "@/lib/batch/limits";
import type { SpooledUpload } from "@/lib/batch/upload";
import { AppError } from "@/lib/errors";

export interface OpenedList {
  upload: SpooledUpload;
  format: TextFormat;
  /** "\r\n" when the file's lines end so. */
  lineEnd: string;
  header: string[];
  plan: ColumnPlan;
  /** The data records, after the header. */
  records: AsyncIterator<string[]>;
}

function decoder(encoding: TextFormat["encoding"]): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      const rest = text.decode();
      done(null, rest || undefined);
    },
  });
}

/** The list opened at its header, or a 400 (unreadable header, columns not found) / 413 (too many columns). */
export async function openList(upload: SpooledUpload, limits: BatchLimits): Promise<OpenedList> {
  const format = detectTextFormat(upload.sample);
  const parser = fs
    .createReadStream(upload.path, { start: format.hasBom ? 3 : 0, highWaterMark: 256 * 1024 })
    .pipe(decoder(format.encoding))
    .pipe(parse({ delimiter: format.separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: limits.lineBytes * 4 }));
  const records = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  let first: IteratorResult<string[]>;
  try {
    first = await records.next();
  } catch {
    throw new AppError("bad_request", "L'en-tête du fichier n'est pas une ligne CSV lisible.", [{ name: "data", reason: "en-tête illisible" }]);
  }
  const header = first.done ? [] : first.value;
  if (header.length > limits.columns) throw new AppError("payload_too_large", `L'en-tête compte ${header.length} colonnes ; ${limits.columns} au plus.`);
  const plan = planColumns(header, { columns: upload.columns, siret: upload.siret });
  if ("error" in plan) throw new AppError("bad_request", plan.error, [{ name: upload.columns.length ? "columns" : "data", reason: plan.error }]);
  const lineEnd = upload.sample.includes("\r\n") ? "\r\n" : "\n";
  return { upload, format, lineEnd, header, plan, records };
}

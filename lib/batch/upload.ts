import "server-only";
/**
 * The multipart upload of a batch check, streamed (busboy: `request.formData()` would hold the
 * whole body in memory) into a private temporary file that the answer deletes as soon as it is
 * written — the list is never kept. While it flows, the lines are counted and measured, so the
 * limits (413) and the rate limit (429, one request per line) are decided before any work.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { BatchLimits } from "@/lib/batch/limits";
import { AppError } from "@/lib/errors";

export interface SpooledUpload {
  /** The temporary copy; remove() deletes it. */
  path: string;
  fileName: string;
  /** Data lines (the header not counted). */
  lines: number;
  /** The first bytes, to detect the encoding and the separator. */
  sample: Buffer;
  columns: string[];
  siret: string | null;
  format: "csv" | "xlsx";
  remove(): Promise<void>;
}

const SAMPLE_BYTES = 64 * 1024;
const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} Mo` : `${bytes} octets`);

/** Counts lines and the longest one; refuses a line or a file over the limits. */
function measure(limits: BatchLimits, counts: { lines: number; sample: Buffer[]; sampled: number }): Transform {
  let lineBytes = 0;
  let lastByte = 0x0a;
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > limits.fileBytes) return done(new AppError("payload_too_large", `Le fichier dépasse ${mb(limits.fileBytes)}.`));
      if (counts.sampled < SAMPLE_BYTES) {
        counts.sample.push(chunk.subarray(0, SAMPLE_BYTES - counts.sampled));
        counts.sampled += Math.min(chunk.length, SAMPLE_BYTES - counts.sampled);
      }
      let start = 0;
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) {
        if (lineBytes + at - start > limits.lineBytes) break;
        counts.lines += 1;
        lineBytes = 0;
        start = at + 1;
      }
      lineBytes += chunk.length - start;
      if (lineBytes > limits.lineBytes) {
        return done(new AppError("payload_too_large", `La ligne ${counts.lines + 1} dépasse ${limits.lineBytes} octets.`));
      }
      lastByte = chunk[chunk.length - 1] ?? lastByte;
      done(null, chunk);
    },
    flush(done) {
      if (lastByte !== 0x0a && total > 0) counts.lines += 1;
      done();
    },
  });
}

/** The upload spooled and measured; throws 400 (no `data` file), 413 (limits) as AppError. */
export async function spoolUpload(request: Request, limits: BatchLimits): Promise<SpooledUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    throw new AppError("bad_request", "Envoyez le fichier en multipart/form-data, dans le champ « data ».", [{ name: "data", reason: "fichier CSV attendu" }]);
  }
  const directory = await fs.promises.mkdtemp(path.join(os.tmpdir(), "fibre-pro-batch-"));
  const remove = () => fs.promises.rm(directory, { recursive: true, force: true });
  const target = path.join(directory, "list.csv");
  const counts = { lines: 0, sample: [] as Buffer[], sampled: 0 };
  const fields = { columns: [] as string[], siret: null as string | null, format: "csv" as "csv" | "xlsx" };
  let fileName: string | null = null;
  let fileDone: Promise<void> | null = null;
  try {
    const parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fields: 50, fieldSize: 1024, fileSize: limits.fileBytes + 1 } });
    parser.on("field", (name, value) => {
      if (name === "columns" || name === "columns[]") fields.columns.push(value);
      else if (name === "siret") fields.siret = value.trim() || null;
      else if (name === "format") fields.format = value === "xlsx" ? "xlsx" : "csv";
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "data" || fileDone) {
        stream.resume();
        return;
      }
      fileName = info.filename || "liste.csv";
      fileDone = pipeline(stream, measure(limits, counts), fs.createWriteStream(target, { mode: 0o600 }));
      // A limit crossed mid-file ends the whole upload with its 413.
      fileDone.catch((error: unknown) => parser.destroy(error as Error));
    });
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), parser);
    if (!fileDone || fileName === null) {
      throw new AppError("bad_request", "Aucun fichier dans le champ « data ».", [{ name: "data", reason: "fichier CSV attendu" }]);
    }
    await fileDone;
    if (counts.lines === 0) throw new AppError("bad_request", "Le fichier est vide.", [{ name: "data", reason: "fichier vide" }]);
    const lines = counts.lines - 1;
    if (lines > limits.lines) throw new AppError("payload_too_large", `Le fichier compte ${lines} lignes ; ${limits.lines} au plus par envoi.`);
    return { path: target, fileName, lines, sample: Buffer.concat(counts.sample), ...fields, remove };
  } catch (error) {
    await remove();
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request", "Le corps de la requête n'est pas un formulaire multipart lisible.", [{ name: "data", reason: "multipart illisible" }]);
  }
}

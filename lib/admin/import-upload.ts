/**
 * Saves an upload's body to UPLOAD_DIR/<jobId>/<safe name> as it arrives (never whole in memory),
 * stopping with a French 413 as soon as it passes UPLOAD_MAX_MB. `filePath` is relative to
 * UPLOAD_DIR (a shared folder with several machines: the worker resolves it against its own mount).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { jobFolder, safeFileName, storedUploadPath } from "@/lib/admin/import-jobs";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface SavedUpload {
  jobId: string;
  filePath: string;
  byteSize: number;
}

const tooLarge = () => new AppError("payload_too_large", `Le fichier dépasse la taille maximale acceptée (${env.UPLOAD_MAX_MB} Mo).`);

export async function saveUpload(body: ReadableStream<Uint8Array> | null, fileName: string, declaredLength: number | null): Promise<SavedUpload> {
  const maxBytes = env.UPLOAD_MAX_MB * 1024 * 1024;
  if (declaredLength !== null && declaredLength > maxBytes) throw tooLarge();
  if (!body) throw new AppError("bad_request", "Le fichier est vide.");

  const jobId = crypto.randomUUID();
  const folder = jobFolder(jobId);
  const name = safeFileName(fileName);
  const filePath = path.join(folder, name);
  await fs.promises.mkdir(folder, { recursive: true });
  let byteSize = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      byteSize += chunk.length;
      callback(byteSize > maxBytes ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, fs.createWriteStream(filePath));
    if (byteSize === 0) throw new AppError("bad_request", "Le fichier est vide.");
  } catch (error) {
    await fs.promises.rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { jobId, filePath: storedUploadPath(jobId, name), byteSize };
}

/**
 * Opens a file to import as a stream of decoded text: gzip (.gz) and zip archives are unpacked on
 * the fly — within EXPANSION_LIMITS (zip bombs) —, the encoding is detected (UTF-8 with or without
 * BOM, else Windows-1252, which also reads Latin-1), empty and binary files are refused. Memory
 * stays constant whatever the size.
 */
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import yauzl from "yauzl";
import type { DerivedColumn } from "@/lib/import/csv";
import { ImportFileError } from "@/lib/import/errors";

export type TextEncoding = "utf-8" | "windows-1252";

export interface TextSource {
  /** The file name as given, and the entry read inside an archive. */
  fileName: string;
  entryName: string | null;
  /** Size on disk, used for progress. */
  byteSize: number;
  encoding: TextEncoding;
  /** Bytes of the (decompressed) file read so far. */
  bytesRead(): number;
  text: AsyncIterable<string>;
  /** Columns a format works out when the file lacks them (lib/import/csv.ts, DerivedColumn), by lower-case name. */
  derivedColumns?: Readonly<Record<string, DerivedColumn>>;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SAMPLE_BYTES = 64 * 1024;

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return magic.every((byte, index) => buffer[index] === byte);
}

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * How far an archive (zip, gz) may expand: 100 times its own size — CSV files compress 5 to 30
 * times, zip bombs a thousand — but always 256 MB and never more than 16 GB.
 */
export interface ExpansionLimits {
  ratio: number;
  floorBytes: number;
  ceilingBytes: number;
}

export const EXPANSION_LIMITS: ExpansionLimits = { ratio: 100, floorBytes: 256 * 1024 * 1024, ceilingBytes: 16 * 1024 * 1024 * 1024 };

export function allowedExpansion(compressedBytes: number, limits: ExpansionLimits): number {
  return Math.min(limits.ceilingBytes, Math.max(limits.floorBytes, limits.ratio * compressedBytes));
}

function fileSize(bytes: number): string {
  const gigabytes = bytes / 1024 ** 3;
  if (gigabytes >= 0.1) return `${gigabytes.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Go`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2).toLocaleString("fr-FR")} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("fr-FR")} ko`;
}

function tooLargeExpanded(fileName: string, size: string, limit: number, compressedBytes: number): ImportFileError {
  return new ImportFileError(
    `${fileName} : archive trop volumineuse une fois décompressée (${size}, limite ${fileSize(limit)} pour une archive de ${fileSize(compressedBytes)}).`,
  );
}

/**
 * Counts the decompressed bytes and stops the stream past `limit` (an archive may lie about its
 * size, and gzip does not say it) or past the size a zip entry declared.
 */
function limitExpansion(stream: Readable, fileName: string, limit: number, compressedBytes: number, declared: number | null): Readable {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (declared !== null && bytes > declared) {
        return callback(new ImportFileError(`${fileName} : archive zip invalide, son contenu dépasse la taille qu'elle annonce.`));
      }
      if (bytes > limit) return callback(tooLargeExpanded(fileName, `plus de ${fileSize(limit)}`, limit, compressedBytes));
      callback(null, chunk);
    },
  });
  stream.on("error", (error) => counter.destroy(error));
  return stream.pipe(counter);
}

function openZipEntry(file: string, compressedBytes: number, limits: ExpansionLimits): Promise<{ entryName: string; stream: Readable }> {
  const fileName = path.basename(file);
  return new Promise((resolve, reject) => {
    // autoClose would close the file before "end", where the entry is opened: closed by hand instead.
    // Entry sizes are checked by limitExpansion, with a French message.
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) return reject(new ImportFileError(`L'archive zip est illisible (${error?.message ?? "erreur inconnue"}).`));
      const fail = (failure: Error) => {
        zip.close();
        reject(failure);
      };
      const candidates: yauzl.Entry[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith("/") && !/(^|\/)(__MACOSX|\.)/.test(entry.fileName)) candidates.push(entry);
        zip.readEntry();
      });
      zip.on("end", () => {
        const data = candidates.filter((entry) => /\.(csv|txt|json|geojson)$/i.test(entry.fileName));
        const chosen = data.length === 1 ? data[0] : candidates.length === 1 ? candidates[0] : undefined;
        if (!chosen) {
          return fail(
            new ImportFileError(
              candidates.length === 0
                ? "L'archive zip est vide."
                : `L'archive zip contient ${candidates.length} fichiers ; elle doit contenir un seul fichier de données (.csv).`,
            ),
          );
        }
        const limit = allowedExpansion(compressedBytes, limits);
        if (chosen.uncompressedSize > limit) return fail(tooLargeExpanded(fileName, fileSize(chosen.uncompressedSize), limit, compressedBytes));
        zip.openReadStream(chosen, (streamError, stream) => {
          if (streamError || !stream) return fail(new ImportFileError(`L'archive zip est illisible (${streamError?.message}).`));
          stream.on("close", () => zip.close());
          resolve({ entryName: chosen.fileName, stream: limitExpansion(stream, fileName, limit, compressedBytes, chosen.uncompressedSize) });
        });
      });
      zip.on("error", (zipError: Error) => fail(new ImportFileError(`L'archive zip est illisible (${zipError.message}).`)));
      zip.readEntry();
    });
  });
}

/** The byte stream of the file, decompressed. */
async function openBytes(file: string, head: Buffer, byteSize: number, limits: ExpansionLimits): Promise<{ entryName: string | null; stream: Readable }> {
  if (startsWith(head, ZIP_MAGIC)) return openZipEntry(file, byteSize, limits);
  const raw = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  if (startsWith(head, GZIP_MAGIC)) {
    const gunzip = createGunzip();
    raw.on("error", (error) => gunzip.destroy(error));
    return { entryName: null, stream: limitExpansion(raw.pipe(gunzip), path.basename(file), allowedExpansion(byteSize, limits), byteSize, null) };
  }
  return { entryName: null, stream: raw };
}

export function looksBinary(sample: Buffer): boolean {
  if (sample.includes(0)) return true;
  let control = 0;
  for (const byte of sample) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.01;
}

/** UTF-8 when the sample decodes as UTF-8 (a character cut at its end is fine), else Windows-1252. */
export function detectEncoding(sample: Buffer): { encoding: TextEncoding; bomLength: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return { encoding: "utf-8", bomLength: 0 };
  } catch {
    return { encoding: "windows-1252", bomLength: 0 };
  }
}

export async function openTextSource(file: string, limits: ExpansionLimits = EXPANSION_LIMITS): Promise<TextSource> {
  const fileName = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new ImportFileError(`Impossible de lire ${fileName} : ce fichier n'existe pas.`);
  }
  if (!stat.isFile()) throw new ImportFileError(`Impossible de lire ${fileName} : ce n'est pas un fichier.`);
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch {
    throw new ImportFileError(`Impossible de lire ${fileName} : accès refusé.`);
  }
  if (stat.size === 0) throw new ImportFileError(`${fileName} est vide.`);

  const { entryName, stream } = await openBytes(file, await readHead(file, 4), stat.size, limits);
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;

  // Collect a sample to decide the encoding and refuse binary files before anything is written.
  const buffered: Buffer[] = [];
  let sampled = 0;
  let done = false;
  while (sampled < SAMPLE_BYTES) {
    let next: IteratorResult<Buffer>;
    try {
      next = await iterator.next();
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError(`Impossible de lire ${fileName} : ${error instanceof Error ? error.message : "fichier corrompu"}.`);
    }
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    sampled += next.value.length;
  }
  const sample = Buffer.concat(buffered);
  const shownName = entryName ? `${fileName} (${entryName})` : fileName;
  if (sample.length === 0 || sample.toString("latin1").trim() === "") throw new ImportFileError(`${shownName} est vide.`);
  if (looksBinary(sample)) throw new ImportFileError(`${shownName} est un fichier binaire, pas un fichier texte CSV ou JSON.`);
  const { encoding, bomLength } = detectEncoding(sample);

  let bytesRead = 0;
  async function* decode(): AsyncGenerator<string> {
    const decoder = new TextDecoder(encoding);
    const first = sample.subarray(bomLength);
    bytesRead += sample.length;
    yield decoder.decode(first, { stream: true });
    while (!done) {
      let next: IteratorResult<Buffer>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (error instanceof ImportFileError) throw error;
        throw new ImportFileError(`Impossible de lire ${shownName} : ${error instanceof Error ? error.message : "fichier corrompu"}.`);
      }
      if (next.done) break;
      bytesRead += next.value.length;
      yield decoder.decode(next.value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  return {
    fileName,
    entryName,
    byteSize: stat.size,
    encoding,
    bytesRead: () => bytesRead,
    text: decode(),
  };
}

/**
 * Downloads one official file into `dest`, conditionally (If-None-Match / If-Modified-Since with
 * the validators of the file last imported) and resumably: bytes already received sit in
 * `dest.part`, with the validator that names their version in `dest.part.json`; the next attempt
 * asks for the rest (Range + If-Range) and appends it when the server answers 206, or starts over
 * on 200. The whole file's SHA-256 is computed on the way and, when the publisher states a
 * checksum (data.gouv.fr), checked against it. Bounded: a size limit, a wait for the headers and
 * a longest silence between two chunks.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, fetchFollowing, SyncError } from "@/lib/sync/http";

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface StatedChecksum {
  /** sha1, sha256, md5 (data.gouv.fr's `checksum.type`) */
  type: string;
  value: string;
}

export interface DownloadOptions {
  mirror: string | null;
  /** Validators of the file last imported; null: download unconditionally. */
  known: Validators | null;
  checksum?: StatedChecksum | null;
  maxBytes: number;
  headersTimeoutMs: number;
  idleTimeoutMs: number;
  onProgress?: (received: number, total: number | null) => void;
}

export type DownloadResult =
  | { status: "not-modified" }
  | { status: "downloaded"; file: string; sha256: string; bytes: number; resumedFrom: number; validators: Validators };

interface PartInfo {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

export async function download(url: string, dest: string, options: DownloadOptions): Promise<DownloadResult> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const partFile = `${dest}.part`;
  const infoFile = `${dest}.part.json`;
  const part = readPart(partFile, infoFile, url);

  const headers: Record<string, string> = { "accept-encoding": "identity" };
  if (options.known?.etag) headers["if-none-match"] = options.known.etag;
  if (options.known?.lastModified) headers["if-modified-since"] = options.known.lastModified;
  if (part) {
    headers.range = `bytes=${part.size}-`;
    headers["if-range"] = part.info.etag ?? part.info.lastModified!;
  }

  const { response, finalUrl, abort } = await fetchFollowing(url, { mirror: options.mirror, headers, headersTimeoutMs: options.headersTimeoutMs });
  if (response.status === 304) return { status: "not-modified" };
  const isResumed = !!part && response.status === 206;
  if (response.status !== 200 && !isResumed) {
    await response.body?.cancel();
    throw new SyncError(`${finalUrl}: HTTP ${response.status}${response.status === 206 ? " for a range that was not asked" : ""}`);
  }
  const validators: Validators = { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
  const resumedFrom = isResumed ? part.size : 0;
  if (isResumed && !sameRange(response.headers.get("content-range"), resumedFrom)) {
    await response.body?.cancel();
    throw new SyncError(`${finalUrl}: the server answered a range other than bytes=${resumedFrom}-`);
  }
  const length = Number(response.headers.get("content-length") ?? NaN);
  const total = Number.isFinite(length) ? resumedFrom + length : null;
  if (total !== null && total > options.maxBytes) {
    await response.body?.cancel();
    throw new SyncError(`${finalUrl}: ${mb(total)} MB, over the ${mb(options.maxBytes)} MB limit`);
  }

  const hash = crypto.createHash("sha256");
  const stated = options.checksum ? statedHash(options.checksum) : null;
  if (isResumed) await hashFile(partFile, [hash, stated?.hash]);
  else fs.writeFileSync(infoFile, JSON.stringify({ url, ...validators } satisfies PartInfo));
  if (!isResumed && !validators.etag && !validators.lastModified) fs.rmSync(infoFile, { force: true });

  const out = fs.createWriteStream(partFile, { flags: isResumed ? "a" : "w" });
  let received = resumedFrom;
  let idle: NodeJS.Timeout | null = null;
  let isIdle = false;
  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      isIdle = true;
      abort();
    }, options.idleTimeoutMs);
  };
  try {
    if (!response.body) throw new SyncError(`${finalUrl}: empty answer`);
    armIdle();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      armIdle();
      received += chunk.byteLength;
      if (received > options.maxBytes) throw new SyncError(`${finalUrl}: over the ${mb(options.maxBytes)} MB limit`);
      hash.update(chunk);
      stated?.hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      options.onProgress?.(received, total);
    }
  } catch (error) {
    abort();
    await closeStream(out);
    if (error instanceof SyncError) throw error;
    const reason = isIdle ? `no data for ${Math.round(options.idleTimeoutMs / 1000)} s` : describe(error);
    throw new SyncError(`${finalUrl}: download interrupted after ${received} bytes (${reason}); the next run resumes it`);
  } finally {
    if (idle) clearTimeout(idle);
  }
  await closeStream(out);
  if (total !== null && received !== total) {
    throw new SyncError(`${finalUrl}: ${received} bytes received of ${total}; the next run resumes it`);
  }
  if (stated && stated.hash.digest("hex") !== stated.expected) {
    fs.rmSync(partFile, { force: true });
    fs.rmSync(infoFile, { force: true });
    throw new SyncError(`${finalUrl}: ${options.checksum!.type} checksum does not match the one the publisher states`);
  }
  fs.renameSync(partFile, dest);
  fs.rmSync(infoFile, { force: true });
  return { status: "downloaded", file: dest, sha256: hash.digest("hex"), bytes: received, resumedFrom, validators };
}

function readPart(partFile: string, infoFile: string, url: string): { size: number; info: PartInfo } | null {
  try {
    const info = JSON.parse(fs.readFileSync(infoFile, "utf8")) as PartInfo;
    const size = fs.statSync(partFile).size;
    if (info.url !== url || size === 0 || (!info.etag && !info.lastModified)) return null;
    return { size, info };
  } catch {
    return null;
  }
}

function sameRange(contentRange: string | null, start: number): boolean {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(contentRange?.trim() ?? "");
  return !!match && Number(match[1]) === start;
}

function statedHash(checksum: StatedChecksum): { hash: crypto.Hash; expected: string } | null {
  const algorithm = checksum.type.toLowerCase().replace("-", "");
  if (!["sha1", "sha256", "sha512", "md5"].includes(algorithm)) return null;
  return { hash: crypto.createHash(algorithm), expected: checksum.value.trim().toLowerCase() };
}

async function hashFile(file: string, hashes: (crypto.Hash | undefined)[]): Promise<void> {
  for await (const chunk of fs.createReadStream(file)) for (const hash of hashes) hash?.update(chunk as Buffer);
}

function closeStream(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(() => resolve()));
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

import "server-only";
/**
 * Exports per département, too large to produce on each request: the worker writes them to
 * EXPORTS_DIR under stable names (availability-dep-01.csv, availability-dep-01.geojson), a page of
 * addresses at a time into a temporary file renamed over the old one (a download in progress keeps
 * reading the old file; memory stays flat). A département is prepared again when the change log
 * holds a change of it newer than its file, or when its file is older than EXPORT_MAX_AGE_HOURS
 * (address imports log no change); départements without addresses are not prepared (their live
 * export is empty). The route serves the file with ETag and Last-Modified, 304 on
 * revalidation, and 503 + Retry-After while a département has not been prepared yet.
 *
 * Several servers: EXPORTS_DIR is a folder every web server and worker mounts (NFS…): the workers
 * write, the web servers serve. The ETag is the file's size and time, the same from every server.
 * Two workers preparing one département at once each write their own temporary file (named by host
 * and pid) and rename it over the last: a reader sees one whole file or the other, never a mix.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { csvChunks, geojsonChunks } from "@/lib/api/exports";
import { problemResponse } from "@/lib/api/problem";
import { db } from "@/lib/db/client";
import { resolveExportSubject } from "@/lib/data/exports";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type PreparedFormat = "csv" | "geojson";

const FORMATS: readonly PreparedFormat[] = ["csv", "geojson"];
const CONTENT_TYPES: Record<PreparedFormat, string> = { csv: "text/csv; charset=utf-8", geojson: "application/geo+json; charset=utf-8" };
/** What a client is told to wait while a département is being prepared (seconds). */
export const PREPARE_RETRY_SECONDS = 600;

export function preparedExportPath(departement: string, format: PreparedFormat): string {
  return path.resolve(env.EXPORTS_DIR, `availability-dep-${departement}.${format}`);
}

async function writeFileFrom(file: string, chunks: AsyncGenerator<string>): Promise<void> {
  const temporary = `${file}.${os.hostname()}.${process.pid}.tmp`;
  const out = fs.createWriteStream(temporary, { encoding: "utf8" });
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await fs.promises.rename(temporary, file);
  } catch (error) {
    out.destroy();
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

/** Writes both files of one département. */
export async function prepareDepartementExport(departement: string): Promise<void> {
  const subject = await resolveExportSubject({ departement });
  await fs.promises.mkdir(path.resolve(env.EXPORTS_DIR), { recursive: true });
  await writeFileFrom(preparedExportPath(departement, "csv"), csvChunks(subject));
  await writeFileFrom(preparedExportPath(departement, "geojson"), geojsonChunks(subject, { departement }));
}

async function preparedAt(departement: string): Promise<Date | null> {
  const times = await Promise.all(FORMATS.map((format) => fs.promises.stat(preparedExportPath(departement, format)).then((stat) => stat.mtime, () => null)));
  return times.some((time) => time === null) ? null : new Date(Math.min(...times.map((time) => time!.getTime())));
}

/**
 * Prepares the départements whose files are missing, older than a change of theirs, or older than
 * EXPORT_MAX_AGE_HOURS; returns their codes. `shouldStop` is asked between two départements.
 */
export async function prepareDueExports(now = new Date(), { shouldStop = () => false }: { shouldStop?: () => boolean } = {}): Promise<string[]> {
  // Those without addresses are exported live (empty, instantly): see servePreparedExport.
  const departements = await db.departement.findMany({
    where: { communes: { some: { addresses: { some: {} } } } },
    select: { code: true },
    orderBy: { code: "asc" },
  });
  const prepared: string[] = [];
  for (const { code } of departements) {
    if (shouldStop()) break;
    const at = await preparedAt(code);
    const isDue =
      !at ||
      now.getTime() - at.getTime() > env.EXPORT_MAX_AGE_HOURS * 3600_000 ||
      (await db.changeLogEntry.findFirst({ where: { departement: code, changedAt: { gte: at } }, select: { id: true } })) !== null;
    if (!isDue) continue;
    await prepareDepartementExport(code);
    prepared.push(code);
  }
  return prepared;
}

/**
 * The prepared file as a response: 304 when the client's copy is current, 503 while not prepared;
 * null for a département without addresses and no file (the worker prepares none: export it live).
 */
export async function servePreparedExport(request: Request, departement: string, format: PreparedFormat): Promise<Response | null> {
  await resolveExportSubject({ departement }); // 404 for an unknown département
  const file = preparedExportPath(departement, format);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) {
    const hasAddresses = await db.address.findFirst({ where: { commune: { departementCode: departement } }, select: { id: true } });
    if (!hasAddresses) return null;
    return problemResponse(
      new AppError("unavailable", `L'export du département ${departement} est en cours de préparation. Réessayez dans ${PREPARE_RETRY_SECONDS / 60} minutes.`),
      { "Retry-After": String(PREPARE_RETRY_SECONDS) },
    );
  }
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000);
  const headers: Record<string, string> = {
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    "Cache-Control": "public, max-age=600",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = Date.parse(request.headers.get("if-modified-since") ?? "");
  const isCurrent = ifNoneMatch
    ? ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, "")).some((tag) => tag === etag || tag === "*")
    : !Number.isNaN(ifModifiedSince) && ifModifiedSince >= lastModified.getTime();
  if (isCurrent) return new Response(null, { status: 304, headers });
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      ...headers,
      "Content-Type": CONTENT_TYPES[format],
      "Content-Length": String(stat.size),
      "Content-Disposition": `attachment; filename="availability-dep-${departement}.${format}"`,
      ...(format === "csv" ? { Link: `</api/v1/exports/metadata?departement=${departement}>; rel="describedby"` } : {}),
    },
  });
}

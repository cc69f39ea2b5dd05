/**
 * A local HTTP server that stands in for the official hosts of data:sync (these machines cannot
 * reach them): files at their official paths with ETag and Last-Modified, 304 to conditional
 * requests, 206 to Range (honouring If-Range), redirects (Arcep's 302 to the quarter's storage),
 * the data.gouv.fr API's JSON, and faults on demand (a connection cut after some bytes, an error
 * status). It records every request for tests to read.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface MirrorFile {
  /** Content in memory, or a file on disk (bench sizes). */
  body?: Buffer;
  file?: string;
  lastModified?: Date;
  /** Part of the ETag: a new value republishes the same bytes under new validators. */
  version?: string;
  /** Answer this status instead of the file (a failing source). */
  failWith?: number;
  /** Close the connection after this many bytes of the body, then forget it (one cut). */
  cutAfterBytes?: number;
}

export interface MirrorRequest {
  path: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: number;
}

export class OfficialMirror {
  readonly requests: MirrorRequest[] = [];
  private readonly files = new Map<string, MirrorFile>();
  private readonly redirects = new Map<string, string>();
  private server: http.Server | null = null;
  url = "";

  /** Serves `body` at the official URL's path and query. */
  put(officialUrl: string, file: MirrorFile): void {
    this.files.set(pathOf(officialUrl), file);
  }

  get(officialUrl: string): MirrorFile | undefined {
    return this.files.get(pathOf(officialUrl));
  }

  /** A 302 from the official URL to another official URL (absolute, as Arcep answers). */
  redirect(officialUrl: string, to: string): void {
    this.redirects.set(pathOf(officialUrl), to);
  }

  /** data.gouv.fr's `/api/1/datasets/<slug>/` with these resources (url, title, last_modified, checksum). */
  putDataset(slug: string, resources: { title: string; url: string; last_modified: string; checksum?: { type: string; value: string } }[]): void {
    const json = JSON.stringify({ id: crypto.randomUUID(), slug, title: slug, resources: resources.map((resource) => ({ id: crypto.randomUUID(), format: "csv", filesize: null, ...resource })) });
    this.put(`https://www.data.gouv.fr/api/1/datasets/${slug}/`, { body: Buffer.from(json) });
  }

  requestsTo(officialUrl: string): MirrorRequest[] {
    const wanted = pathOf(officialUrl);
    return this.requests.filter((request) => request.path === wanted);
  }

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const path = request.url ?? "/";
    const record = (status: number, bytes = 0) => this.requests.push({ path, status, headers: request.headers, bytes });
    const target = this.redirects.get(path);
    if (target) {
      record(302);
      response.writeHead(302, { location: target }).end();
      return;
    }
    const file = this.files.get(path);
    if (!file) {
      record(404);
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    if (file.failWith) {
      record(file.failWith);
      response.writeHead(file.failWith, { "content-type": "text/plain" }).end("Service Unavailable");
      return;
    }
    const size = file.body ? file.body.length : fs.statSync(file.file!).size;
    const modified = file.lastModified ?? new Date(Date.UTC(2026, 9, 1));
    const etag = `"${crypto.createHash("sha1").update(file.version ?? "").update(file.body ?? `${file.file}:${size}:${modified.getTime()}`).digest("hex").slice(0, 16)}"`;
    const lastModified = modified.toUTCString();
    const headers = { etag, "last-modified": lastModified, "accept-ranges": "bytes", "content-type": "application/octet-stream" };

    const ifNoneMatch = request.headers["if-none-match"];
    const ifModifiedSince = request.headers["if-modified-since"];
    if ((ifNoneMatch && ifNoneMatch === etag) || (!ifNoneMatch && ifModifiedSince && Date.parse(ifModifiedSince) >= Math.floor(modified.getTime() / 1000) * 1000)) {
      record(304);
      response.writeHead(304, { etag, "last-modified": lastModified }).end();
      return;
    }
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
    const ifRange = request.headers["if-range"];
    if (range && (!ifRange || ifRange === etag || ifRange === lastModified) && Number(range[1]) < size) start = Number(range[1]);
    const length = size - start;
    const status = start > 0 ? 206 : 200;
    response.writeHead(status, { ...headers, "content-length": String(length), ...(start > 0 ? { "content-range": `bytes ${start}-${size - 1}/${size}` } : {}) });
    const cut = file.cutAfterBytes;
    if (cut !== undefined) {
      delete file.cutAfterBytes;
      record(status, cut);
      const slice = file.body ? file.body.subarray(start, start + cut) : fs.readFileSync(file.file!).subarray(start, start + cut);
      response.write(slice, () => setTimeout(() => response.destroy(), 20));
      return;
    }
    record(status, length);
    if (file.body) response.end(file.body.subarray(start));
    else fs.createReadStream(file.file!, { start }).pipe(response);
  }
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * A page that calls notFound() (an unknown address, zone, commune, SIRET) is answered by Next.js 16
 * in production with a 404 whose HTML is an empty shell, `<html id="__next_error__">` and a body of
 * scripts: the not-found page exists only in the RSC payload, so without JavaScript the page is
 * blank (vercel/next.js#62228, still so in 16.4.6). An unmatched URL is rendered properly.
 *
 * The production server (scripts/server.ts) therefore holds back a page's 404 HTML; when it is that
 * empty shell, the request is handled again as an unmatched URL (the root not-found page, status
 * 404), told which page was asked for (NOT_FOUND_OF_HEADER) so that it says what is missing.
 * Anything else — other statuses, RSC requests of client navigations, the 404s that are real pages —
 * passes through untouched.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import zlib from "node:zlib";

/** The start of the HTML Next.js sends when the page's render failed before its shell. */
export const EMPTY_SHELL_MARK = '<html id="__next_error__"';
/** The path the request is handled again under: it matches no route. */
export const UNMATCHED_PATH = "/__page-introuvable";
/** Tells the root not-found page which path was asked for (its own header set by the server only). */
export const NOT_FOUND_OF_HEADER = "x-fibre-not-found-of";
/** A 404 page is a few tens of KB; past this the body is passed on as it is. */
const MAX_HELD_BYTES = 512 * 1024;

/** A browser's request for a page (not a client navigation's RSC request, not a prefetch). */
export function isPageRequest(request: Pick<IncomingMessage, "method" | "headers">): boolean {
  return request.method === "GET" && request.headers.rsc === undefined && request.headers["next-router-prefetch"] === undefined;
}

/**
 * Watches the response Next.js writes: when it is a 404 HTML empty shell, drops it (headers too,
 * but X-Request-Id) and calls `handleAgain`, which must answer the response; otherwise the response
 * goes out as written. Call before handing the response to Next.js.
 *
 * It sits under Next.js's compression, which wraps the response's methods inside the handler: the
 * status line is held back with the body (nothing reaches the socket until the body is judged), the
 * body is judged decompressed, and a second handling starts on this layer again, not on the first
 * handling's spent compression.
 */
export function replaceEmptyNotFoundShell(response: ServerResponse, handleAgain: () => void): void {
  const base = http.ServerResponse.prototype;
  type Methods = Pick<ServerResponse, "write" | "end" | "writeHead" | "flushHeaders">;
  const own = response as ServerResponse & Methods;
  let mode: "undecided" | "held" | "through" = "undecided";
  let held: Buffer[] = [];
  let heldBytes = 0;
  let heldHead: unknown[] | null = null;
  /** Handled again once at most: the second answer goes out whatever it is. */
  let isReplay = false;

  const decide = (status: number) => {
    if (mode !== "undecided") return;
    const type = String(response.getHeader("content-type") ?? "");
    mode = !isReplay && status === 404 && type.startsWith("text/html") ? "held" : "through";
  };
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
  /** Sends what was held, as it was written, and lets the rest through. */
  const letThrough = () => {
    mode = "through";
    if (heldHead) (base.writeHead as (...args: unknown[]) => ServerResponse).apply(response, heldHead);
    heldHead = null;
    const body = Buffer.concat(held);
    held = [];
    if (body.length > 0) (base.write as (chunk: Buffer) => boolean).call(response, body);
  };

  const writeHead = function (this: ServerResponse, ...args: unknown[]) {
    decide(Number(args[0]));
    if (mode === "held") {
      heldHead = args;
      return response;
    }
    return (base.writeHead as (...args: unknown[]) => ServerResponse).apply(response, args);
  } as Methods["writeHead"];
  const flushHeaders = function () {
    // Through the wrappers above, as Node's own flushHeaders would: they set their headers first.
    if (mode === "undecided") response.writeHead(response.statusCode);
    if (mode === "through") base.flushHeaders.call(response);
  } as Methods["flushHeaders"];
  const write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (mode === "undecided") response.writeHead(response.statusCode);
    const done = typeof encoding === "function" ? encoding : callback;
    if (mode === "held") {
      const buffer = toBuffer(chunk, encoding);
      held.push(buffer);
      heldBytes += buffer.length;
      // Not a small error page: let it go as it is.
      if (heldBytes > MAX_HELD_BYTES) letThrough();
      if (typeof done === "function") process.nextTick(done as () => void);
      return true;
    }
    return (base.write as (...args: unknown[]) => boolean).call(response, chunk, encoding, callback);
  } as Methods["write"];
  const end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (mode === "undecided") response.writeHead(response.statusCode);
    if (mode === "through") return (base.end as (...args: unknown[]) => ServerResponse).call(response, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") held.push(toBuffer(chunk, encoding));
    const done = [chunk, encoding, callback].find((argument) => typeof argument === "function") as (() => void) | undefined;
    if (!isEmptyShell(Buffer.concat(held), response.getHeader("content-encoding"))) {
      letThrough();
      return (base.end as (callback?: () => void) => ServerResponse).call(response, done);
    }
    held = [];
    heldHead = null;
    mode = "undecided";
    isReplay = true;
    for (const name of response.getHeaderNames()) if (name !== "x-request-id") response.removeHeader(name);
    // Each handling listens to the response's close: two handlings are not a leak.
    response.setMaxListeners(response.listenerCount("close") + 10);
    // The first handling's compression wrapped these methods: the second starts from this layer.
    Object.assign(own, { writeHead, flushHeaders, write, end });
    handleAgain();
    done?.();
    return response;
  } as Methods["end"];
  Object.assign(own, { writeHead, flushHeaders, write, end });
}

function isEmptyShell(body: Buffer, encoding: unknown): boolean {
  try {
    const html =
      encoding === "gzip" ? zlib.gunzipSync(body) : encoding === "br" ? zlib.brotliDecompressSync(body) : encoding === "deflate" ? zlib.inflateSync(body) : body;
    return html.includes(EMPTY_SHELL_MARK);
  } catch {
    return false;
  }
}

/** Rewrites the request so that Next.js handles it as an unmatched URL, naming the page asked for. */
export function asUnmatchedRequest(request: IncomingMessage): void {
  const asked = new URL(request.url ?? "/", "http://localhost").pathname;
  request.headers[NOT_FOUND_OF_HEADER] = asked;
  request.url = UNMATCHED_PATH;
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { NOT_FOUND_OF_HEADER, UNMATCHED_PATH, asUnmatchedRequest, isPageRequest, replaceEmptyNotFoundShell } from "./not-found-shell";

// The compression middleware Next.js wraps its responses in (compress: true, the default).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compression = require("next/dist/compiled/compression") as () => (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

const SHELL = ['<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div>', `<script>self.__next_f=["${"x".repeat(2000)}"]</script></body></html>`];
/** Past compression's threshold (1 KB), as a real page is. */
const PADDING = `<p>${"texte ".repeat(300)}</p>`;
const servers: http.Server[] = [];

/** A stand-in for Next.js: streams an empty 404 shell for /adresse/…, its real 404 page for the unmatched path. */
function fakeNext(request: http.IncomingMessage, response: http.ServerResponse, options: { compress: boolean; firstAnswer?: "shell" | "page" | "json" }) {
  const answer = () => {
    response.setHeader("X-Powered-By", "first");
    if (request.url === UNMATCHED_PATH) {
      response.removeHeader("X-Powered-By");
      response.statusCode = 404;
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(`<!DOCTYPE html><html lang="fr"><body><main><h1>introuvable: ${request.headers[NOT_FOUND_OF_HEADER]}</h1>${PADDING}</main></body></html>`);
      return;
    }
    if (request.url === "/ok") {
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(`<html><body>ok${PADDING}</body></html>`);
      return;
    }
    response.statusCode = 404;
    if (options.firstAnswer === "json") {
      response.setHeader("Content-Type", "application/json");
      response.end('{"status":404}');
      return;
    }
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.flushHeaders();
    if (options.firstAnswer === "page") {
      response.end(`<!DOCTYPE html><html lang="fr"><body><main>une vraie page 404${PADDING}</main></body></html>`);
      return;
    }
    response.write(SHELL[0]);
    setTimeout(() => response.end(SHELL[1]), 5);
  };
  if (options.compress) compression()(request, response, answer);
  else answer();
}

async function serve(options: { compress: boolean; firstAnswer?: "shell" | "page" | "json" }): Promise<number> {
  const server = http.createServer((request, response) => {
    response.setHeader("X-Request-Id", "id-1");
    if (isPageRequest(request)) {
      replaceEmptyNotFoundShell(response, () => {
        asUnmatchedRequest(request);
        fakeNext(request, response, options);
      });
    }
    fakeNext(request, response, options);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString("utf8") });
        });
      })
      .on("error", reject);
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("replaceEmptyNotFoundShell", () => {
  for (const compress of [false, true]) {
    it(`answers a page's empty 404 shell with the not-found page of its path${compress ? ", through gzip" : ""}`, async () => {
      const port = await serve({ compress });
      const answer = await get(port, "/adresse/01053_9999_00001?x=1", compress ? { "Accept-Encoding": "gzip" } : {});
      expect(answer.status).toBe(404);
      expect(answer.body).toBe(`<!DOCTYPE html><html lang="fr"><body><main><h1>introuvable: /adresse/01053_9999_00001</h1>${PADDING}</main></body></html>`);
      expect(answer.headers["x-request-id"]).toBe("id-1");
      // The first answer's headers are gone with it.
      expect(answer.headers["x-powered-by"]).toBeUndefined();
      if (compress) expect(answer.headers["content-encoding"]).toBe("gzip");
    });

    it(`passes every other answer through as written${compress ? ", through gzip" : ""}`, async () => {
      const encoding: Record<string, string> = compress ? { "Accept-Encoding": "gzip" } : {};
      const ok = await get(await serve({ compress }), "/ok", encoding);
      expect([ok.status, ok.body]).toEqual([200, `<html><body>ok${PADDING}</body></html>`]);
      if (compress) expect(ok.headers["content-encoding"]).toBe("gzip");
      const page = await get(await serve({ compress, firstAnswer: "page" }), "/adresse/x", encoding);
      expect([page.status, page.body, page.headers["x-powered-by"]]).toEqual([404, `<!DOCTYPE html><html lang="fr"><body><main>une vraie page 404${PADDING}</main></body></html>`, "first"]);
      const json = await get(await serve({ compress, firstAnswer: "json" }), "/adresse/x", encoding);
      expect([json.status, json.body]).toEqual([404, '{"status":404}']);
    });
  }

  it("leaves client navigations (RSC requests) and other methods to Next.js", async () => {
    const port = await serve({ compress: false });
    const navigation = await get(port, "/adresse/x", { RSC: "1" });
    expect(navigation.body).toBe(SHELL.join(""));
    expect(isPageRequest({ method: "POST", headers: {} })).toBe(false);
    expect(isPageRequest({ method: "GET", headers: { "next-router-prefetch": "1" } })).toBe(false);
    expect(isPageRequest({ method: "GET", headers: {} })).toBe(true);
  });
});

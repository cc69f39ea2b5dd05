/**
 * One batch check in its own process (so its memory is its own): posts the file to the route's
 * handler as a streamed multipart body, reads the answer chunk by chunk without keeping it, and
 * prints one JSON line — lines, seconds, resident memory before and at its peak.
 */
import "@/lib/cli/load-env";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { batchCheckResponse } from "@/lib/api/batch-check";

const [file] = process.argv.slice(2) as [string];
const BOUNDARY = "fibre-pro-bench-boundary";

async function* multipart(): AsyncGenerator<Buffer> {
  yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

async function run(): Promise<{ lines: number; bytes: number }> {
  const init = {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, host: "localhost" },
    body: Readable.toWeb(Readable.from(multipart())) as ReadableStream<Uint8Array>,
    duplex: "half",
  };
  const request = new NextRequest("http://localhost/api/v1/eligibility/csv", init as ConstructorParameters<typeof NextRequest>[1]);
  const response = await batchCheckResponse(request);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  let lines = 0;
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines += 1;
  }
  return { lines: lines - 1, bytes };
}

async function main(): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ ...result, seconds, rssBeforeMb: before / 1048576, rssPeakMb: peak / 1048576 }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});

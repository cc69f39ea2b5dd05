/** One import in its own process, so its peak memory is its own: prints one JSON line. */
import "@/lib/cli/load-env";
import { boundImportHeapGrowth } from "@/lib/cli/import-heap";
import { runImport } from "@/lib/import/run-import";
import type { ImportFormat } from "@/lib/import/types";

// As npm run import and the worker do (lib/cli/import-heap.ts).
boundImportHeapGrowth();
const [format, file] = process.argv.slice(2) as [ImportFormat, string];
const started = performance.now();
runImport(format, file, { triggeredBy: "bench" })
  .then((result) => {
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ counts: result.counts, seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });

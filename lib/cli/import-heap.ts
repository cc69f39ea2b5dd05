/**
 * An import's live heap is small and does not grow with the file (batches are streamed, the
 * address matcher's cache is bounded: 50–90 MB at any size), but every line allocates, and what
 * lives through a batch's write reaches V8's old generation before it dies. V8 lets the old
 * generation grow to up to four times what survived the last full collection before collecting
 * again, so an IPE import of 1,000,000 lines on SQLite peaked at 405–420 MB RSS with a 240–254 MB
 * heap of which ~50 MB were alive (heap snapshot), over the 400 MB target of `npm run bench:import`.
 * Growing it to twice what survived instead: peak 303 MB for that import, 233 MB for a BAN one
 * (was 293–299), at the same speed within the runs' spread (runs alternated; README « Benchmark »).
 * Called first by the processes that import: `npm run import`, the worker, `npm run data:sync`, the
 * import job, the benchmark's import process.
 */
import v8 from "node:v8";

export const IMPORT_HEAP_GROWING_PERCENT = 100;

export function boundImportHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
}

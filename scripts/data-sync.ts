/**
 * npm run data:sync -- <département…> [--only ban,bdtopo,arcep-immeubles,arcep-mci,sirene]
 *                      [--mirror <base-url>]
 *
 * Downloads the official files of those départements (conditional, resumable, checksummed) and
 * imports those that changed, in import order (lib/sync/run-sync.ts). Exit 0 when every file was
 * checked (imported, unchanged or skipped), 1 when one failed (the others were still done), 2 for
 * a wrong command line. Without départements, DATA_SYNC_DEPARTEMENTS; without --mirror,
 * DATA_SYNC_MIRROR.
 */
import "@/lib/cli/load-env";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { boundImportHeapGrowth } from "@/lib/cli/import-heap";
import { lowerImportPriority } from "@/lib/cli/import-priority";
import { runCli } from "@/lib/cli/run";
import { env } from "@/lib/env";
import { normaliseDepartement } from "@/lib/sync/departements";
import { acquireSyncLock } from "@/lib/sync/lock";
import { runSync } from "@/lib/sync/run-sync";
import { SYNC_SOURCES, type SyncSource } from "@/lib/sync/sources";

const USAGE = `usage: npm run data:sync -- <département…> [--only ${SYNC_SOURCES.join(",")}] [--mirror <base-url>]`;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { only: { type: "string" }, mirror: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    // Asked for: the usage on stdout, and success.
    console.log(`Downloads the official files of some départements and imports those that changed.\n${USAGE}`);
    process.exit(0);
  }
  const codes = parsed.positionals.length ? parsed.positionals.flatMap((value) => value.split(",")).filter(Boolean) : env.DATA_SYNC_DEPARTEMENTS;
  if (codes.length === 0) usage("Give at least one département (or set DATA_SYNC_DEPARTEMENTS).");
  const departements = codes.map((code) => normaliseDepartement(code) ?? usage(`"${code}" is not a département code.`));
  let only: SyncSource[] | undefined;
  if (parsed.values.only !== undefined) {
    only = parsed.values.only.split(",").map((value) => value.trim()).filter(Boolean) as SyncSource[];
    const unknown = only.filter((source) => !SYNC_SOURCES.includes(source));
    if (unknown.length || only.length === 0) usage(`Unknown source in --only: ${unknown.join(", ") || "(none)"}.`);
  }
  const mirror = parsed.values.mirror ?? env.DATA_SYNC_MIRROR ?? null;
  if (mirror && !/^https?:\/\/[^/]+/.test(mirror)) usage("--mirror must be an http(s) URL.");
  return { departements: [...new Set(departements)], only, mirror };
}

function progressPrinter(): (label: string, received: number, total: number | null) => void {
  let last = 0;
  return (label, received, total) => {
    const now = Date.now();
    if (now - last < 500 && received !== total) return;
    last = now;
    const size = `${(received / 1024 / 1024).toFixed(1)}${total ? ` / ${(total / 1024 / 1024).toFixed(1)}` : ""} MB`;
    const percent = total ? ` · ${Math.floor((received / total) * 100)} %` : "";
    process.stderr.write(`\r\x1b[K${label}: ${size}${percent}`);
  };
}

runCli(async () => {
  const args = parseCommandLine();
  lowerImportPriority();
  boundImportHeapGrowth();
  const dir = path.resolve(env.DATA_SYNC_DIR);
  const release = acquireSyncLock(dir);
  if (!release) throw new Error(`another data:sync is running (${path.join(dir, "sync.lock")})`);
  const started = Date.now();
  try {
    const isTty = process.stderr.isTTY;
    const reports = await runSync({
      ...args,
      dir,
      triggeredBy: `sync:${os.userInfo().username}`,
      log: (line) => {
        if (isTty) process.stderr.write("\r\x1b[K");
        console.log(line);
      },
      onProgress: isTty ? progressPrinter() : undefined,
    });
    const failed = reports.filter((report) => report.outcome.status === "failed");
    const imported = reports.filter((report) => report.outcome.status === "imported").length;
    console.log(`data:sync: ${reports.length} files checked, ${imported} imported, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    if (failed.length) process.exitCode = 1;
  } finally {
    release();
  }
});

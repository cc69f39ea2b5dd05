/**
 * npm run import -- <format> <file> [--source "<name>"] [--file-date YYYY-MM-DD] [--dry-run]
 *                   [--strict] [--allow-empty] [--report <file.json>] [--demo] [--departement 01,…]
 *
 * Exit 0 when the file was imported (even with rejected lines), 1 when it was refused (unreadable,
 * empty, binary, wrong format, a needed column group missing, every line rejected unless
 * --allow-empty, a rejected line under --strict): the database is then unchanged. 2 for a wrong
 * command line.
 */
import "@/lib/cli/load-env";
import os from "node:os";
import { parseArgs } from "node:util";
import { ReportFile } from "@/lib/cli/report-file";
import { boundImportHeapGrowth } from "@/lib/cli/import-heap";
import { lowerImportPriority } from "@/lib/cli/import-priority";
import { runCli } from "@/lib/cli/run";
import { ImportFileError } from "@/lib/import/errors";
import { formatCounts } from "@/lib/import/report";
import { availableFormats } from "@/lib/import/registry";
import { runImport } from "@/lib/import/run-import";
import { parseDepartements } from "@/lib/import/sirene-fields";
import { IMPORT_FORMATS, type ImportFormat, type ImportProgress } from "@/lib/import/types";

const USAGE = `usage: npm run import -- <format> <file> [--source "<name>"] [--file-date YYYY-MM-DD] [--dry-run] [--strict] [--allow-empty] [--report <file.json>] [--departement 01,… (sirene only)]
formats: ${IMPORT_FORMATS.join(", ")}`;
const SHOWN_PROBLEMS = 20;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        source: { type: "string" },
        "file-date": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        "allow-empty": { type: "boolean", default: false },
        report: { type: "string" },
        demo: { type: "boolean", default: false },
        departement: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) usage("Imports a BAN, BAL, IPE, Arcep, CNIG or IGN BD TOPO zone file, or a SIRENE stock file.");
  const [format, file, ...extra] = parsed.positionals;
  if (!format || !file || extra.length) usage("Give a format and one file.");
  if (!IMPORT_FORMATS.includes(format as ImportFormat)) usage(`Unknown format "${format}".`);
  if (!availableFormats().includes(format as ImportFormat)) usage(`The ${format} importer is not available yet.`);
  let fileDate: Date | undefined;
  if (parsed.values["file-date"]) {
    fileDate = new Date(`${parsed.values["file-date"]}T00:00:00Z`);
    if (Number.isNaN(fileDate.getTime())) usage(`--file-date must be YYYY-MM-DD.`);
  }
  let departements: string[] | undefined;
  if (parsed.values.departement !== undefined) {
    if (format !== "sirene") usage("--departement only applies to the national sirene file.");
    try {
      departements = parseDepartements(parsed.values.departement);
    } catch (error) {
      usage((error as Error).message);
    }
  }
  return { format: format as ImportFormat, file, fileDate, departements, ...parsed.values };
}

function progressPrinter(): (progress: ImportProgress) => void {
  const started = Date.now();
  let last = 0;
  return ({ rows, bytesRead, byteSize, isCompressed }) => {
    const now = Date.now();
    if (now - last < 1_000) return;
    last = now;
    const rate = Math.round(rows / ((now - started) / 1000));
    const percent = isCompressed ? "" : ` · ${Math.min(100, Math.round((bytesRead / byteSize) * 100))} %`;
    process.stderr.write(`\r${rows.toLocaleString("en")} rows · ${rate.toLocaleString("en")} rows/s${percent}   `);
  };
}

runCli(async () => {
  lowerImportPriority();
  boundImportHeapGrowth();
  const args = parseCommandLine();
  const reportFile = args.report ? new ReportFile(args.report) : null;
  const started = Date.now();
  try {
    const result = await runImport(args.format, args.file, {
      sourceName: args.source,
      fileDate: args.fileDate,
      dryRun: args["dry-run"],
      strict: args.strict,
      allowEmpty: args["allow-empty"],
      isDemo: args.demo,
      departements: args.departements,
      triggeredBy: `cli:${os.userInfo().username}`,
      onProblem: reportFile ? (kind, problem) => reportFile.add(kind, problem) : undefined,
      onProgress: process.stderr.isTTY ? progressPrinter() : undefined,
    });
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");

    const seconds = (Date.now() - started) / 1000;
    for (const [kind, list, total] of [
      ["rejected", result.rejected, result.counts.rejected],
      ["unmatched", result.unmatched, result.counts.unmatched],
      ["noted", result.notes, result.counts.noted],
    ] as const) {
      if (total === 0) continue;
      console.log(`${kind} lines:`);
      for (const problem of list.slice(0, SHOWN_PROBLEMS)) {
        console.log(`  line ${problem.line}${problem.id ? ` [${problem.id}]` : ""}: ${problem.reason}`);
      }
      if (total > SHOWN_PROBLEMS) console.log(`  … and ${total - SHOWN_PROBLEMS} more${reportFile ? ` (all in ${args.report})` : " (use --report <file.json> for all)"}`);
    }
    const date = result.fileDate ? result.fileDate.toISOString().slice(0, 10) : "undated";
    console.log(`${result.format} ${result.fileName} (${result.sourceName}, ${date}, ${result.encoding}) in ${seconds.toFixed(1)} s`);
    console.log(formatCounts(result.counts, { withUnmatched: result.reportsUnmatched }));
    if (result.isDryRun) console.log("Dry run: nothing was written.");

    await reportFile?.write({
      format: result.format,
      file: result.fileName,
      source: result.sourceName,
      fileDate: result.fileDate?.toISOString() ?? null,
      encoding: result.encoding,
      dryRun: result.isDryRun,
      applied: result.isApplied,
      refusal: result.refusal,
      counts: result.counts,
    });
    if (result.refusal) throw new ImportFileError(result.refusal);
  } catch (error) {
    reportFile?.discard();
    throw error;
  }
});

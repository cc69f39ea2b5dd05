/**
 * `npm run lint:openapi` — writes the generated OpenAPI document to a temporary file and lints it
 * offline with Redocly (recommended ruleset) and Spectral (oas ruleset). Fails on any error or
 * warning of either: the document is a contract partners generate clients from.
 *
 * One reviewed exception: Redocly's operation-4xx-response on GET /api/health, which takes no
 * parameter, is not rate limited and only ever answers 200 or 503 (a monitor must always get it).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openApiDocument } from "@/lib/api/openapi";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-openapi-"));
const documentFile = path.join(dir, "openapi.json");
const spectralRuleset = path.join(dir, ".spectral.json");
fs.writeFileSync(documentFile, JSON.stringify(openApiDocument(), null, 2));
fs.writeFileSync(spectralRuleset, JSON.stringify({ extends: [["spectral:oas", "recommended"]] }));
fs.writeFileSync(path.join(dir, ".redocly.lint-ignore.yaml"), "openapi.json:\n  operation-4xx-response:\n    - '#/paths/~1api~1health/get/responses'\n");

const bin = (name: string) => path.resolve("node_modules", ".bin", name);
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_UPDATE_NOTIFIER: "1" };

interface RedoclyReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

function redocly(): boolean {
  const run = spawnSync(bin("redocly"), ["lint", "openapi.json", "--extends", "recommended", "--format", "json"], { cwd: dir, env, encoding: "utf8" });
  let report: RedoclyReport;
  try {
    report = JSON.parse(run.stdout) as RedoclyReport;
  } catch {
    console.error(run.stdout, run.stderr);
    console.error(`redocly: no report (exit ${run.status ?? run.signal}).`);
    return false;
  }
  for (const problem of report.problems) console.error(`redocly ${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? "?"}`);
  const { errors, warnings, ignored } = report.totals;
  console.log(`redocly (recommended): ${errors} errors, ${warnings} warnings, ${ignored} ignored`);
  return errors === 0 && warnings === 0;
}

function spectral(): boolean {
  const run = spawnSync(bin("spectral"), ["lint", documentFile, "--ruleset", spectralRuleset, "--fail-severity", "warn"], { env, stdio: "inherit" });
  console.log(`spectral (oas): exit ${run.status ?? run.signal}`);
  return run.status === 0;
}

const isClean = [redocly(), spectral()].every(Boolean);
fs.rmSync(dir, { recursive: true, force: true });
if (!isClean) console.error("The OpenAPI document is not lint clean.");
process.exit(isClean ? 0 : 1);

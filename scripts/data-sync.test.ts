/** The data:sync command line: --help is an answer (stdout, exit 0), a mistake is not (stderr, exit 2). */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.join(__dirname, "data-sync.ts");
const run = (...args: string[]) => spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { encoding: "utf8", env: { ...process.env, DATA_SYNC_DEPARTEMENTS: "" } });

describe("npm run data:sync", () => {
  it("prints its usage on stdout and succeeds with --help", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run data:sync -- <département…>/m);
    expect(result.stderr).toBe("");
  }, 30_000);

  it("refuses an unknown département code with the usage on stderr and exit code 2", () => {
    const result = run("1A");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"1A" is not a département code\.\nusage: /);
  }, 30_000);
});

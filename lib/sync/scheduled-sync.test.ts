import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ScheduledSync } from "./scheduled-sync";

describe("ScheduledSync", () => {
  it("starts the script with the départements when a scheduled minute has come, once, and relays its output", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-schedule-"));
    const script = path.join(dir, "fake-sync.mjs");
    fs.writeFileSync(script, "console.log('args ' + process.argv.slice(2).join(' '));\n");
    let now = new Date("2026-11-30T03:29:30Z");
    const lines: string[] = [];
    const sync = new ScheduledSync({ cron: "30 3 * * *", departements: ["01", "69"], log: (line) => lines.push(line), script, now: () => now });
    expect(sync.nextRun?.toISOString()).toBe("2026-11-30T03:30:00.000Z");
    expect(sync.tick()).toBe(false);

    now = new Date("2026-11-30T03:30:05Z");
    const finished = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!sync.isRunning) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    expect(sync.tick()).toBe(true);
    expect(sync.tick()).toBe(false);
    await finished;
    expect(lines).toContain("data:sync: args 01 69");
    expect(lines.at(-1)).toBe("data:sync finished; next at 2026-12-01T03:30:00.000Z");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

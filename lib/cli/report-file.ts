/**
 * The --report JSON file of an import: every rejected, unmatched and noted line, however many, streamed
 * through temporary JSON-lines files so memory stays constant.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { ProblemKind, ProblemLine } from "@/lib/import/report";

const KINDS: readonly ProblemKind[] = ["rejected", "unmatched", "noted"];

export class ReportFile {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-report-"));
  private readonly streams = Object.fromEntries(
    KINDS.map((kind) => [kind, fs.createWriteStream(path.join(this.dir, `${kind}.jsonl`))]),
  ) as Record<ProblemKind, fs.WriteStream>;

  constructor(private readonly target: string) {}

  add(kind: ProblemKind, problem: ProblemLine): void {
    this.streams[kind].write(`${JSON.stringify(problem)}\n`);
  }

  /** Writes the report: the summary fields, then the full lists. */
  async write(summary: Record<string, unknown>): Promise<void> {
    await Promise.all(Object.values(this.streams).map((stream) => new Promise((resolve) => stream.end(resolve))));
    const out = fs.createWriteStream(this.target);
    const write = (text: string) => new Promise<void>((resolve, reject) => out.write(text, (error) => (error ? reject(error) : resolve())));
    const fields = JSON.stringify(summary, null, 2).replace(/\n}$/, "");
    await write(fields);
    for (const kind of KINDS) {
      await write(`,\n  "${kind}": [`);
      let first = true;
      const lines = readline.createInterface({ input: fs.createReadStream(path.join(this.dir, `${kind}.jsonl`)) });
      for await (const line of lines) {
        await write(`${first ? "\n    " : ",\n    "}${line}`);
        first = false;
      }
      await write(first ? "]" : "\n  ]");
    }
    await write("\n}\n");
    await new Promise((resolve) => out.end(resolve));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  discard(): void {
    for (const stream of Object.values(this.streams)) stream.destroy();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

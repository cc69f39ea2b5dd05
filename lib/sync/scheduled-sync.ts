/**
 * The worker's data:sync on DATA_SYNC_CRON: when a scheduled minute has come, it starts
 * `scripts/data-sync.ts` as a child process (the imports' memory and CPU priority stay out of the
 * worker, and mails go on meanwhile), never two at a time. The child's lock also keeps two
 * workers on one machine from syncing at once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { nextCronTime, parseCron, type CronSchedule } from "@/lib/sync/cron";

export interface ScheduledSyncOptions {
  cron: string;
  departements: readonly string[];
  log: (message: string) => void;
  /** The script to start; defaults to scripts/data-sync.ts beside this checkout. */
  script?: string;
  now?: () => Date;
}

export class ScheduledSync {
  private readonly schedule: CronSchedule;
  private next: Date | null;
  private child: ChildProcess | null = null;

  constructor(private readonly options: ScheduledSyncOptions) {
    this.schedule = parseCron(options.cron);
    this.next = nextCronTime(this.schedule, this.now());
  }

  get nextRun(): Date | null {
    return this.next;
  }

  get isRunning(): boolean {
    return this.child !== null;
  }

  /** Starts the sync when its time has come (and none is running); returns whether it started. */
  tick(): boolean {
    const now = this.now();
    if (!this.next || now < this.next) return false;
    this.next = nextCronTime(this.schedule, now);
    if (this.child) {
      this.options.log("data:sync: the previous run is still going, this one is skipped");
      return false;
    }
    const script = this.options.script ?? path.resolve(process.cwd(), "scripts/data-sync.ts");
    const child = spawn(process.execPath, [...process.execArgv, script, ...this.options.departements], { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    this.options.log(`data:sync started for ${this.options.departements.join(", ")} (pid ${child.pid})`);
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) this.options.log(line.startsWith("data:sync") ? line.trim() : `data:sync: ${line.trim()}`);
    };
    child.stdout?.on("data", relay);
    child.stderr?.on("data", relay);
    child.on("error", (error) => this.options.log(`data:sync could not start: ${error.message}`));
    child.on("close", (code) => {
      this.child = null;
      this.options.log(`data:sync ${code === 0 ? "finished" : `ended with exit code ${code}`}; next at ${this.next?.toISOString() ?? "never"}`);
    });
    return true;
  }

  /** Waits for a running sync to end (graceful shutdown), sending it SIGTERM first. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once("close", () => resolve());
      child.kill("SIGTERM");
    });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

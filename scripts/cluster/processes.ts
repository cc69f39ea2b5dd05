/**
 * The cluster demo's child processes: each started in its own process group with its output in a
 * log file, all stopped (SIGTERM, then SIGKILL after a grace period) by `stopAll`, which the demo
 * calls on success, failure and Ctrl-C alike.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export class Processes {
  private readonly children: { name: string; child: ChildProcess }[] = [];

  constructor(private readonly logDir: string) {}

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const out = fs.openSync(path.join(this.logDir, `${name}.log`), "a");
    const child = spawn(command, args, { env, stdio: ["ignore", out, out], detached: true });
    fs.closeSync(out);
    child.once("exit", (code, signal) => {
      if (code !== 0 && code !== null && !this.isStopping) console.error(`${name} exited with code ${code}${signal ? ` (${signal})` : ""}: see ${this.logPath(name)}`);
    });
    this.children.push({ name, child });
    return child;
  }

  isStopping = false;

  logPath(name: string): string {
    return path.join(this.logDir, `${name}.log`);
  }

  /** Stops the processes in reverse order of start; each gets `graceMs` to finish after SIGTERM. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.isStopping = true;
    for (const { child } of this.children.reverse()) await stopGroup(child, graceMs);
    this.children.length = 0;
  }
}

function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const forced = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(forced);
      resolve();
    });
    signalGroup(child.pid!, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** GET on 127.0.0.1:port: status and body. */
export function get(port: number, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: target, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${target} on port ${port}: no answer in 30 s`)));
  });
}

export async function waitForHttp(port: number, target: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await get(port, target)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nothing answered on port ${port} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

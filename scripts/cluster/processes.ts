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

/** nginx (Debian package) as an unprivileged foreground process balancing `upstreams` on a loopback port. */
export function writeNginxConfig(dir: string, port: number, upstreams: number[]): string {
  for (const sub of ["temp", "logs"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, "temp", name)};`;
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    file,
    `daemon off;
master_process off;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "logs", "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_max_body_size 100m;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  upstream fibre_pro {
    ${upstreams.map((upstream) => `server 127.0.0.1:${upstream} max_fails=1 fail_timeout=5s;`).join("\n    ")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://fibre_pro;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering off;
    }
  }
}
`,
  );
  return file;
}

export const NGINX_BIN = process.env.NGINX_BIN ?? (fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx");

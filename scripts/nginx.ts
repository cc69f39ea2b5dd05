/**
 * nginx (Debian package) as the reference reverse proxy, run unprivileged in the foreground on a
 * loopback port: the cluster demo (scripts/cluster) and the client IP check (check-client-ip.ts)
 * write the same configuration.
 */
import fs from "node:fs";
import path from "node:path";

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

/** The Debian package's binary, unless NGINX_BIN names another. */
export const NGINX_BIN = process.env.NGINX_BIN ?? (fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx");

/** The arguments that run nginx on a configuration written by writeNginxConfig in `dir`. */
export function nginxArgs(dir: string): string[] {
  return ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "logs", "error.log")];
}

/**
 * Stamps every request this process's HTTP servers receive with CLIENT_IP_HEADER before any
 * listener — Next.js included — sees it (see lib/http/client-ip.ts for why), and runs its handling
 * inside a read context saying whether its reads may go to the read replica (lib/db/read-context.ts).
 * Installed once, by instrumentation.ts, in the Node.js runtime.
 */
import http from "node:http";
import https from "node:https";
import { isPublicRead, runWithReadContext } from "@/lib/db/read-context";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, isClientIpHookInstalled, markClientIpHookInstalled, resolveClientIp } from "@/lib/http/client-ip";

/** Sets CLIENT_IP_HEADER on the request, replacing whatever the client sent under that name. */
export function stampClientIp(request: http.IncomingMessage, trustedHops: number): void {
  request.headers[CLIENT_IP_HEADER] = resolveClientIp(request.socket?.remoteAddress, request.headers["x-forwarded-for"], trustedHops);
}

export function installClientIpHook(trustedHops: number = env.TRUST_PROXY): void {
  if (isClientIpHookInstalled()) return;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function emitStamped(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
      const request = args[0] as http.IncomingMessage;
      stampClientIp(request, trustedHops);
      const context = { isPublic: isPublicRead(request.method, request.url, request.headers.cookie), hasWritten: false };
      return runWithReadContext(context, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
    } as typeof emit;
  }
  markClientIpHookInstalled();
}

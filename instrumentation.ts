/**
 * Runs once when the server starts, before it serves requests: a bad environment stops it with a
 * clear message; requests are stamped with their client's address (lib/http/client-ip-hook.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("@/lib/env");
  const { installClientIpHook } = await import("@/lib/http/client-ip-hook");
  installClientIpHook();
}

import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { choosePorts, isPortFree } from "./pg-pair";

const held: net.Server[] = [];

/** Listens on a free port below the ephemeral range, as another program would; returns it. */
async function holdPort(): Promise<number> {
  for (let port = 20000 + Math.floor(Math.random() * 10000); ; port += 1) {
    const server = net.createServer();
    const ok = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (ok) {
      held.push(server);
      return port;
    }
  }
}

afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("choosePorts", () => {
  it("keeps a free wished port and replaces a taken one by the next free one", async () => {
    const taken = await holdPort();
    expect(await isPortFree(taken)).toBe(false);
    const [port] = await choosePorts([taken] as const);
    expect(port).toBeGreaterThan(taken);
    expect(port).toBeLessThanOrEqual(taken + 100);
    expect(await isPortFree(port)).toBe(true);
  });

  it("never gives the same port twice, even when two wishes are the same", async () => {
    const taken = await holdPort();
    const [first, second] = await choosePorts([taken, taken] as const);
    expect(first).not.toBe(taken);
    expect(second).not.toBe(first);
    expect(second).toBeGreaterThan(first);
  });

  it("never walks into the ephemeral range: a taken port at its edge is an error", async () => {
    // 32767 is the last port before Linux's ephemeral range. Held here, or already held by another program.
    const edge = net.createServer();
    const bound = await new Promise<boolean>((resolve) => {
      edge.once("error", () => resolve(false));
      edge.listen(32767, "127.0.0.1", () => resolve(true));
    });
    if (bound) held.push(edge);
    await expect(choosePorts([32767])).rejects.toThrow("No free port from 32767 to 32767.");
  });
});

import "server-only";
/**
 * The level of each technology at the matched addresses of a chunk, in SQL + JS the way the
 * exports compute them (lib/data/exports.ts exportedAddresses: the fact that counts, then the
 * business answer with the operator directory) — one query set per chunk, no page loaded per address.
 */
import { exportedAddresses, type ExportedAddress } from "@/lib/data/exports";
import type { OperatorDirectory } from "@/lib/operators/directory";

export async function addressesWithLevels(ids: readonly string[], directory: OperatorDirectory): Promise<Map<string, ExportedAddress>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, ExportedAddress>();
  if (unique.length === 0) return found;
  const subject = {
    kind: "zone" as const,
    id: "batch",
    name: "batch",
    condition: { sql: `a."id" IN (${unique.map(() => "?").join(", ")})`, params: unique },
  };
  for await (const page of exportedAddresses(subject, directory)) for (const address of page) found.set(address.id, address);
  return found;
}

/**
 * The exports read a territory one commune at a time, each a page of 1,000 addresses at a time in
 * id order from the ("inseeCode", "id") index (lib/data/exports.ts): every address once, in
 * (commune, id) order, across pages and communes; and on PostgreSQL the page is a range of that
 * index, not the primary key walked in id order and filtered (5–14 s at 26 M addresses).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { exportedAddresses, resolveExportSubject, type ExportScope } from "./exports";

const COUNTS: Record<string, number> = { "42218": 1_050, "42207": 40, "42279": 5 };

/** Ids in each commune, written in an order that is not the ids' own. */
function linesOf(inseeCode: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const street = String((index * 7919) % 10_000).padStart(4, "0");
    return banLine({ id: `${inseeCode}_${street}_${String(1 + (index % 90)).padStart(5, "0")}`, numero: String(1 + (index % 90)), nom_voie: `Rue ${street}`, lon: "4.39", lat: "45.43" });
  });
}

async function exported(scope: ExportScope): Promise<{ pages: number; rows: { id: string; inseeCode: string }[] }> {
  const rows: { id: string; inseeCode: string }[] = [];
  let pages = 0;
  for await (const page of exportedAddresses(await resolveExportSubject(scope))) {
    pages += 1;
    rows.push(...page.map((address) => ({ id: address.id, inseeCode: address.inseeCode })));
  }
  return { pages, rows };
}

const byCommuneThenId = (rows: { id: string; inseeCode: string }[]) =>
  [...rows].sort((a, b) => (a.inseeCode === b.inseeCode ? (a.id < b.id ? -1 : 1) : a.inseeCode < b.inseeCode ? -1 : 1));

describe("export pages", () => {
  beforeAll(async () => {
    await loadReferenceData(db, toReferenceData(referenceFixture()));
    const lines = [BAN_HEADER, ...Object.entries(COUNTS).flatMap(([inseeCode, count]) => linesOf(inseeCode, count)).reverse()];
    const result = await runImport("ban", writeImportFile("adresses-export-pages.csv", lines), { triggeredBy: "test" });
    expect(result.counts.created).toBe(1_095);
  });

  it("reads a commune in id order across pages", async () => {
    const { pages, rows } = await exported({ commune: "42218" });
    expect(pages).toBe(2);
    expect(rows).toHaveLength(1_050);
    expect(rows).toEqual(byCommuneThenId(rows));
    expect(new Set(rows.map((row) => row.id)).size).toBe(1_050);
  });

  it("reads an intercommunality and a département one commune at a time, every address once", async () => {
    const epci = await exported({ epci: "244200770" });
    expect(epci.rows.map((row) => row.inseeCode).filter((code, index, codes) => code !== codes[index - 1])).toEqual(["42207", "42218"]);
    expect(epci.rows).toHaveLength(1_090);
    expect(epci.rows).toEqual(byCommuneThenId(epci.rows));

    const departement = await exported({ departement: "42" });
    expect(departement.rows).toHaveLength(1_095);
    expect(new Set(departement.rows.map((row) => row.id)).size).toBe(1_095);
    expect(departement.rows).toEqual(byCommuneThenId(departement.rows));
  });

  it.runIf(provider === "postgresql")("reads a page as a range of the (inseeCode, id) index", async () => {
    const plan = await db.$transaction(async (tx) => {
      // Without sorting or a whole-table read, the choice left is this index or the primary key filtered.
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT a."id" FROM "Address" a WHERE a."inseeCode" = '42218' AND a."id" > '42218_5' ORDER BY a."id" LIMIT 1000`,
      );
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan using "Address_inseeCode_id_idx"/);
    expect(text).not.toMatch(/Filter/);
  });
});

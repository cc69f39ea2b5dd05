/**
 * PostgreSQL: an address typed from its start is answered from the ("number", "streetKey") index
 * when enough addresses begin as typed (street-prefix.ts), by the full-text index otherwise; the
 * addresses come in through the BAN importer. (SQLite's FTS5 stops at the limit by itself.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "./address-candidates";
import { addressCandidates } from "./addresses";
import { postgresCandidates, prefixCandidates, streetRangeSql } from "./addresses-postgres";
import { search } from "./index";
import { parseQuery } from "./query";
import { streetPrefix } from "./street-prefix";

/** "aab", "aac"…: a distinct word per index. */
const word = (index: number) => `${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}x`;
const line = (id: number, numero: string, nom_voie: string, rep = "") =>
  banLine({ id: `01053_${String(id).padStart(4, "0")}_${numero.padStart(5, "0")}${rep ? `_${rep}` : ""}`, numero, rep, nom_voie, lon: "5.2256", lat: "46.2046" });

const candidatesOf = (typed: string) => addressCandidates(parseQuery(typed).address);
const fullTextOf = (typed: string) => postgresCandidates(db, parseQuery(typed).address);
const prefixOf = (typed: string) => prefixCandidates(db, streetPrefix(parseQuery(typed).address)!);
/** Every address of the range, however many (prefixCandidates hands them over only when they fill the limit). */
const rangeOf = (typed: string) => {
  const prefix = streetPrefix(parseQuery(typed).address)!;
  return db.$queryRawUnsafe<AddressCandidate[]>(`SELECT ${CANDIDATE_COLUMNS} FROM "Address" a WHERE ${streetRangeSql("a")}`, prefix.number, prefix.from, prefix.to);
};
const streets = (rows: readonly AddressCandidate[]) => rows.map((row) => `${row.number} ${row.street}`).sort();

describe.runIf(provider === "postgresql")("address search typed from its start", () => {
  beforeAll(async () => {
    await loadReferenceData(db, toReferenceData(referenceFixture()));
    const lines = [BAN_HEADER];
    // As many with the same words in another order, first in the table: what the full-text index would find first.
    for (let index = 0; index < 130; index += 1) lines.push(line(4000 + index, "7", `Allée de l'Impasse du Ruisseau ${word(index)}`));
    // More addresses begin "7 impasse du ru…" than the search hands over.
    for (let index = 0; index < 130; index += 1) lines.push(line(1000 + index, "7", `Impasse du Ruisseau ${word(index)}`));
    lines.push(
      line(2000, "7", "Impasse du Ru"),
      line(2001, "7", "Impasse du Ru Vert"),
      line(2002, "7", "Impasse Rue Haute"),
      line(2003, "70", "Impasse du Ru"),
      line(2004, "17", "Impasse du Ru"),
      line(2005, "7", "Impasse du Ru", "bis"),
    );
    // Fewer than the limit begin "7 impasse des roses"; one more has the words in another order.
    for (let index = 0; index < 30; index += 1) lines.push(line(3000 + index, "7", `Impasse des Roses ${word(index)}`));
    lines.push(line(3100, "7", "Chemin de l'Impasse des Roses"));
    const result = await runImport("ban", writeImportFile("adresses-street-prefix.csv", lines), { triggeredBy: "test" });
    expect(result.counts.created).toBe(297);
  });

  it("hands over addresses of that number whose street begins as typed when they fill the limit", async () => {
    const rows = await candidatesOf("7 Impasse du Ru");
    expect(rows).toHaveLength(CANDIDATES);
    for (const row of rows) {
      expect(row.number).toBe(7);
      // Every word typed is in the search key, the last one as a word start, as the full-text index
      // matches them; but all in the order typed, from the street's start.
      expect(` ${row.searchKey}`).toMatch(/^ 7 (bis )?impasse (du )?ru/);
    }
    // The ranking still puts the street named exactly first.
    const [first] = await search("7 Impasse du Ru ", 5);
    expect(first).toMatchObject({ type: "address", id: "01053_2000_00007" });
  });

  it("reads the last word typed as a whole word once a space follows it, as the full-text index does", async () => {
    // Not "Impasse Rue Haute" nor "Impasse du Ruisseau …"; the suffix is not part of the street.
    expect(streets(await rangeOf("7 impasse du ru "))).toEqual(["7 Impasse du Ru", "7 Impasse du Ru", "7 Impasse du Ru Vert"]);
    // Ruisseau ×130, Ru, Ru bis, Ru Vert, Rue Haute: more than the limit, which is handed over.
    expect(streets(await rangeOf("7 impasse ru"))).toHaveLength(134);
    expect(streets(await prefixOf("7 impasse ru"))).toHaveLength(CANDIDATES);
    expect(streets(await rangeOf("70 impasse du ru"))).toEqual(["70 Impasse du Ru"]);
  });

  it("leaves the answer to the full-text index when fewer begin as typed, which finds those and the others", async () => {
    const typed = await rangeOf("7 impasse des roses");
    expect(typed).toHaveLength(30);
    // Counted in the index first: a range short of the limit hands over nothing.
    expect(await prefixOf("7 impasse des roses")).toHaveLength(0);
    const rows = await candidatesOf("7 impasse des roses");
    expect(rows.map((row) => row.id).sort()).toEqual((await fullTextOf("7 impasse des roses")).map((row) => row.id).sort());
    expect(rows).toHaveLength(31);
    expect(streets(rows)).toContain("7 Chemin de l'Impasse des Roses");
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(typed.map((row) => row.id)));
    // Nothing begins "7 roses": the full-text index finds the words anywhere.
    expect(await prefixOf("7 roses")).toHaveLength(0);
    expect(await candidatesOf("7 roses")).toHaveLength(31);
  });

  it("reads the range from the index, in the binary order the range is written in", async () => {
    // A table this small is read whole; the planner is told not to, to show the index serves the range.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT "id" FROM "Address" a WHERE a."number" = 7 AND a."streetKey" COLLATE "C" >= 'impasse ru' AND a."streetKey" COLLATE "C" < 'impasse ru{' LIMIT 100`,
      );
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Address_number_streetKey_idx/);
    expect(plan).not.toMatch(/Filter/);
  });
});

/**
 * PostgreSQL: a query made only of common words is answered by reading the table in order, every
 * word checked on the key, instead of the GIN index (addresses-postgres.ts). Both must give the
 * same candidates; the statistics that choose between them are PostgreSQL's own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { CANDIDATES } from "./address-candidates";
import { estimatedMatches, indexCandidates, mayFillLimit, postgresCandidates, requiredTerms, scanCandidates, termShares } from "./addresses-postgres";
import { forgetLexemeStats, lexemeStats } from "./postgres-lexeme-stats";
import { parseQuery } from "./query";

/** "pab", "pac"… : a street word starting with p, one per index. */
const pWord = (index: number) => `p${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`;

describe.runIf(provider === "postgresql")("PostgreSQL address candidates for common words", () => {
  beforeAll(async () => {
    await loadReferenceData(db, toReferenceData(referenceFixture()));
    const lines = [BAN_HEADER];
    for (let index = 0; index < 400; index += 1) {
      // Three in four on a "rue p…", the others on a "chemin m…"; numbers 2 and 4 in turn.
      const street = index % 4 === 3 ? `Chemin M${pWord(index).slice(1)}` : `Rue ${pWord(index).toUpperCase()}`;
      lines.push(banLine({ id: `01053_${String(1000 + index)}_0000${index % 2 === 0 ? 2 : 4}`, numero: index % 2 === 0 ? "2" : "4", nom_voie: street, lon: "5.2256", lat: "46.2046" }));
    }
    lines.push(banLine({ id: "01053_9999_00002", numero: "2", nom_voie: "Rue Zéphyr", lon: "5.2256", lat: "46.2046" }));
    const result = await runImport("ban", writeImportFile("adresses-common-words.csv", lines), { triggeredBy: "test" });
    expect(result.counts.created).toBe(401);
    await db.$executeRawUnsafe(`ANALYZE "Address"`);
    forgetLexemeStats();
  });

  it("reads the share of each word from PostgreSQL's statistics", async () => {
    const stats = await lexemeStats(db);
    expect(stats).not.toBeNull();
    const query = parseQuery("2 rue p").address;
    const shares = new Map(termShares(stats!, query, new Map()).map(({ term, share }) => [term.word, share]));
    // "rue" is on 3 addresses in 4, the number 2 on one in 2, and 300 words start with p.
    expect(shares.get("rue")).toBeCloseTo(300 / 401, 1);
    expect(shares.get("2")).toBeCloseTo(201 / 401, 1);
    expect(shares.get("p")).toBeGreaterThan(0.5);
    // A word no address holds counts as rarer than any listed.
    const [zzz] = termShares(stats!, parseQuery("qqqq").address, new Map());
    expect(zzz!.share).toBeLessThan(stats!.floor);
  });

  it("tries the street range only when the statistics say the query may fill the limit", async () => {
    const stats = await lexemeStats(db);
    expect(stats!.rows).toBe(401);
    // "2", "rue" and "p…": 201 × 3/4 × 3/4 ≈ 113 by the statistics (200 in fact).
    const common = parseQuery("2 rue p").address;
    expect(estimatedMatches(stats!, termShares(stats!, common, new Map()))).toBeGreaterThanOrEqual(CANDIDATES);
    expect(await mayFillLimit(db, common)).toBe(true);
    // "zephyr" on one address: the range could not fill the limit, the full-text index answers alone.
    const rare = parseQuery("2 rue zephyr").address;
    expect(estimatedMatches(stats!, termShares(stats!, rare, new Map()))).toBeLessThan(1);
    expect(await mayFillLimit(db, rare)).toBe(false);
  });

  it("finds by reading in order the same candidates the index finds", async () => {
    for (const typed of ["2 rue p", "rue p", "4 chemin m", "2 rue"]) {
      const query = parseQuery(typed).address;
      const viaIndex = await indexCandidates(db, query, new Map(), {});
      const viaScan = await scanCandidates(db, requiredTerms(query), new Map(), 1_000_000);
      expect(viaIndex.length, typed).toBeGreaterThan(0);
      expect(viaScan.map((row) => row.id).sort(), typed).toEqual(viaIndex.map((row) => row.id).sort());
      // Whichever answers, the search hands the ranking the same candidates.
      expect((await postgresCandidates(db, query)).map((row) => row.id).sort(), typed).toEqual(viaIndex.map((row) => row.id).sort());
    }
  });

  it("stops the scan at the limit, and leaves the answer to the index when its blocks hold fewer", async () => {
    const query = parseQuery("2 rue p").address;
    expect(await scanCandidates(db, requiredTerms(query), new Map(), 1_000_000)).toHaveLength(CANDIDATES);
    const firstBlock = await scanCandidates(db, requiredTerms(query), new Map(), 1);
    expect(firstBlock.length).toBeGreaterThan(0);
    expect(firstBlock.length).toBeLessThan(CANDIDATES);
    // Common words only, one match: the scan finds fewer than the limit, the index answers.
    expect((await postgresCandidates(db, parseQuery("2 rue z").address)).map((row) => row.id)).toEqual(["01053_9999_00002"]);
  });

  it("runs its sessions without JIT compilation, which would cost more than these queries", async () => {
    const [row] = await db.$queryRawUnsafe<{ jit: string }[]>(`SELECT current_setting('jit') AS "jit"`);
    expect(row!.jit).toBe("off");
  });
});

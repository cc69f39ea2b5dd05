/**
 * A SIRENE import of 12,000 establishments runs while member lists are checked and SIRETs are
 * searched (issue #16): the answers stay whole and right — establishments already stored are
 * found with their address, none half-written — the event loop is never held long, and the
 * import counts every line. On both databases.
 */
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryRateLimitStore, RateLimiter } from "@/lib/api/rate-limit";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { search } from "@/lib/search";
import { watchEventLoop } from "@/lib/testing/event-loop";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { STOCK_ETABLISSEMENT_HEADER, etablissementLine } from "@/lib/testing/sirene-files";
import { POST } from "@/app/api/v1/eligibility/csv/route";

const options = { triggeredBy: "test" };
const ADDRESSES = 300;
const STORED = 300;
const IMPORTED = 12_000;

const banId = (number: number) => `01053_lavo_${String(number).padStart(5, "0")}`;
/** Establishment `index`: SIREN 100000000 + index, NIC 00010; the first STORED are imported before the test. */
const siretOf = (index: number) => `${100_000_000 + index}00010`;
const lineOf = (index: number) =>
  etablissementLine({
    siren: String(100_000_000 + index),
    nic: "00010",
    enseigne1Etablissement: `COMMERCE ${index}`,
    numeroVoieEtablissement: String((index % ADDRESSES) + 1),
    typeVoieEtablissement: "RUE",
    libelleVoieEtablissement: "LAVOISIER",
    identifiantAdresseEtablissement: banId((index % ADDRESSES) + 1),
  });

const limiters = globalThis as unknown as { fibreProRateLimiter?: RateLimiter; fibreProBatchLineLimiter?: RateLimiter };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  const addresses = Array.from({ length: ADDRESSES }, (_, index) =>
    banLine({ id: banId(index + 1), numero: String(index + 1), nom_voie: "Rue Lavoisier", lon: (5.2296 + index * 0.00002).toFixed(5), lat: "46.21000" }),
  );
  await runImport("ban", writeImportFile("adresses-01.csv", [BAN_HEADER, ...addresses]), options);
  const stored = await runImport("sirene", writeImportFile("StockEtablissement_utf8.csv", [STOCK_ETABLISSEMENT_HEADER, ...Array.from({ length: STORED }, (_, index) => lineOf(index))]), options);
  expect(stored.counts).toMatchObject({ created: STORED });
  limiters.fibreProRateLimiter = new RateLimiter(new MemoryRateLimitStore(), 0, 60);
  limiters.fibreProBatchLineLimiter = new RateLimiter(new MemoryRateLimitStore(), 0, 3600);
}, 120_000);

afterAll(() => {
  limiters.fibreProRateLimiter = undefined;
  limiters.fibreProBatchLineLimiter = undefined;
});

/** A member list of `count` stored SIRETs from `first` on, checked through the route. */
async function checkList(first: number, count: number): Promise<Record<string, string>[]> {
  const body = new FormData();
  const lines = ["nom;siret", ...Array.from({ length: count }, (_, offset) => `Membre ${offset};${siretOf((first + offset) % STORED)}`)];
  body.append("data", new Blob([lines.join("\n")]), "membres.csv");
  const request = new NextRequest("http://localhost/api/v1/eligibility/csv", { method: "POST", body, headers: { host: "localhost", "x-forwarded-for": "203.0.113.7" } });
  const response = await POST(request, { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return parse(await response.text(), { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
}

describe("a SIRENE import alongside member lists and searches", () => {
  it("keeps every answer whole and right, never holds the event loop long, and counts every line", async () => {
    const file = writeImportFile("StockEtablissement_utf8.csv", [STOCK_ETABLISSEMENT_HEADER, ...Array.from({ length: IMPORTED }, (_, index) => lineOf(index))]);
    const loop = watchEventLoop();
    let importDone = false;
    const importing = runImport("sirene", file, options).finally(() => {
      importDone = true;
    });
    let rounds = 0;
    let roundsDuringImport = 0;
    try {
      // At least three rounds, and on until the import ends.
      while (rounds < 3 || !importDone) {
        const wasImporting = !importDone;
        const rows = await checkList(rounds * 37, 200);
        expect(rows).toHaveLength(200);
        for (const row of rows) {
          const index = Number(row.siret!.slice(0, 9)) - 100_000_000;
          expect(row).toMatchObject({ fp_match: "siret", fp_ban_id: banId((index % ADDRESSES) + 1) });
        }
        const target = siretOf((rounds * 11) % STORED);
        const found = await search(target, 5);
        expect(found.map((result) => result.id)).toEqual([target]);
        rounds += 1;
        if (wasImporting && !importDone) roundsDuringImport += 1;
      }
      const result = await importing;
      expect(result.counts).toMatchObject({ read: IMPORTED, created: IMPORTED - STORED, unchanged: STORED, rejected: 0 });
    } finally {
      loop.stop();
      await importing.catch(() => undefined);
    }
    expect(roundsDuringImport).toBeGreaterThan(0);
    // A frozen loop would be seconds; the import yields between its batches.
    expect(loop.longestGap()).toBeLessThan(1_500);
    expect(await db.establishment.count()).toBe(IMPORTED);
    const lastOne = siretOf(IMPORTED - 1);
    expect((await checkList(0, 1)).length).toBe(1);
    expect((await search(lastOne, 5)).map((result) => result.id)).toEqual([lastOne]);
  }, 300_000);
});

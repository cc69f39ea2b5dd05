/**
 * An Arcep MCI import (actuel: the operators of 1,500 buildings) runs while the addresses those
 * buildings stand at are read through the API and searched: every answer is whole — the
 * operators before the import or after it, never a mix or none — the event loop is never held
 * long, and the import counts every line. On both databases.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/addresses/[banId]/route";
import { MemoryRateLimitStore, RateLimiter } from "@/lib/api/rate-limit";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { search } from "@/lib/search";
import { watchEventLoop } from "@/lib/testing/event-loop";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const BUILDINGS = 1_500;
const BASE_IMB =
  "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source";
const ACTUEL = "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation";

const banId = (number: number) => `01053_pasteur_${String(number).padStart(5, "0")}`;
const mciId = (number: number) => `P${String(number).padStart(5, "0")}`;
const numbers = Array.from({ length: BUILDINGS }, (_, index) => index + 1);
const at = (month: number) => ({ triggeredBy: "test", fileDate: new Date(Date.UTC(2027, month, 1)) });
const actuel = (operators: readonly string[]) =>
  writeImportFile("actuel_01.csv", [ACTUEL, ...numbers.flatMap((number) => operators.map((operator) => [mciId(number), banId(number), "", operator, "FO", "THD1G", "THD1G", "", ""].join(";")))]);

const limiters = globalThis as unknown as { fibreProRateLimiter?: RateLimiter };

beforeAll(async () => {
  // The reads come from one client: the API's rate limit is not what this test is about.
  limiters.fibreProRateLimiter = new RateLimiter(new MemoryRateLimitStore(), 0, 60);
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-01.csv", [
    BAN_HEADER,
    ...numbers.map((number) => banLine({ id: banId(number), numero: String(number), nom_voie: "Rue Pasteur", lon: (5.2296 + number * 0.00002).toFixed(5), lat: "46.21000" })),
  ]), { triggeredBy: "test" });
  const linked = await runImport("arcep-mci", writeImportFile("base_imb_01.csv", [
    BASE_IMB,
    ...numbers.map((number) =>
      [mciId(number), (5.2296 + number * 0.00002).toFixed(5), "46.21000", "", "01053", "1", "ipe", "PAVILLON", banId(number), "", String(number), "", "Rue Pasteur", "", "01053", "Bourg-en-Bresse", "", "ban"].join(";"),
    ),
  ]), at(0));
  expect(linked.counts).toMatchObject({ read: BUILDINGS, created: BUILDINGS, rejected: 0 });
  const listed = await runImport("arcep-mci", actuel(["FRTE"]), at(1));
  expect(listed.counts).toMatchObject({ read: BUILDINGS, created: BUILDINGS, rejected: 0 });
}, 120_000);

afterAll(() => {
  limiters.fibreProRateLimiter = undefined;
});

/** The FttH operators the API gives for the address of building `number`. */
async function operatorsAt(number: number): Promise<string[]> {
  const response = await GET(new NextRequest(`http://localhost/api/v1/addresses/${banId(number)}`), { params: Promise.resolve({ banId: banId(number) }) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { technologies: { technology: string; operators: { code: string }[] }[] };
  return body.technologies.find((entry) => entry.technology === "FTTH")!.operators.map((operator) => operator.code).sort();
}

describe("an Arcep MCI import alongside address reads and searches", () => {
  it("answers each address whole, before or after the import, never holds the event loop long, and counts every line", async () => {
    expect(await operatorsAt(1)).toEqual(["FRTE"]);
    const loop = watchEventLoop();
    let importDone = false;
    // The next quarter: every building is also sold by FREE.
    const importing = runImport("arcep-mci", actuel(["FRTE", "FREE"]), at(2)).finally(() => {
      importDone = true;
    });
    let rounds = 0;
    let roundsDuringImport = 0;
    const seen = new Set<string>();
    try {
      while (rounds < 3 || !importDone) {
        const wasImporting = !importDone;
        for (let offset = 0; offset < 10; offset += 1) {
          // Each request its own turn of the event loop, as a server receives them (SQLite reads are
          // synchronous: chained in one turn, they would leave the import no turn at all).
          await nextTurn();
          const operators = await operatorsAt(((rounds * 10 + offset) * 149) % BUILDINGS + 1);
          seen.add(operators.join(","));
          // The import's transaction is all or nothing: one quarter's operators or the next's.
          expect([["FRTE"], ["FREE", "FRTE"]]).toContainEqual(operators);
        }
        await nextTurn();
        const number = ((rounds * 37) % BUILDINGS) + 1;
        const [found] = await search(`${number} rue pasteur bourg`, 5);
        expect(found).toMatchObject({ type: "address", id: banId(number) });
        rounds += 1;
        if (wasImporting && !importDone) roundsDuringImport += 1;
      }
      const result = await importing;
      // Counted by line: both lines of every building changed its fact.
      expect(result.counts).toMatchObject({ read: 2 * BUILDINGS, created: 0, updated: 2 * BUILDINGS, rejected: 0 });
    } finally {
      loop.stop();
      await importing.catch(() => undefined);
    }
    expect(roundsDuringImport).toBeGreaterThan(0);
    expect(seen).toContain("FRTE");
    // A frozen loop would be seconds; the import yields between its batches.
    expect(loop.longestGap()).toBeLessThan(1_500);
    for (const number of [1, 750, BUILDINGS]) expect(await operatorsAt(number)).toEqual(["FREE", "FRTE"]);
  }, 300_000);
});

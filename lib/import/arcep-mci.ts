/**
 * Arcep "Ma connexion internet" open data, per département (`;`): the `base_imb` file links its
 * buildings (imb_id) to our buildings (imb_code = IPE IdentifiantImmeuble) and to BAN addresses
 * (addr_code when addr_source = ban); the `actuel` file lists, per building, the commercial
 * operators that sell each technology: fibre (FO) lines become a FttH fact "Raccordable" with
 * those operators. Which file it is is read from its header. Import base_imb first.
 */
import { readCsv, type CsvRecord } from "@/lib/import/csv";
import { ImportFileError } from "@/lib/import/errors";
import { contentHash } from "@/lib/import/hash";
import { changeRow, CHANGE_COLUMNS, departementOfInsee, relinkLogSql, withdrawalLogSql } from "@/lib/changes/change-log";
import { orderedId } from "@/lib/import/ids";
import { fieldTooLong, parseInteger } from "@/lib/import/line-checks";
import { knownOperatorName } from "@/lib/import/operators";
import { refuseOlderFile } from "@/lib/import/source-freshness";
import { insertRows, runIn, selectIn, SentWrites, updateFromValues, type SqlValue } from "@/lib/import/store/sql-store";
import { addressInCommunes, outsideTerritory, runInTerritory } from "@/lib/import/territory";
import type { ImportContext, Importer } from "@/lib/import/types";
import { technologyFromMci } from "@/lib/import/vocabulary";
import { parseDecimal, toWgs84 } from "@/lib/geo/projection";

const LABEL = "Arcep Ma connexion internet (base_imb ou actuel)";
const BATCH = 1_000;

export const arcepMciImporter: Importer = {
  format: "arcep-mci",
  label: LABEL,
  sourceKind: "ARCEP_MCI",
  reportsUnmatched: false,
  defaultSourceName: (fileName) => {
    const departement = /_(\d{2,3}|2A|2B)(?:[._]|$)/i.exec(fileName)?.[1];
    return `Arcep Ma connexion internet${departement ? ` (${departement.toUpperCase()})` : ""}`;
  },

  async run(context) {
    await refuseOlderFile(context, "ARCEP_MCI");
    const records = readCsv(context.source, { label: LABEL, delimiter: ";", required: ["imb_id"] });
    const first = await records.next();
    if (first.done) return;
    // actuel files also carry imb_code and addr_code: look for its own columns first.
    if (first.value.has("code_operateur") && first.value.has("code_techno")) return importEligibility(context, first.value, records);
    if (first.value.has("imb_code") && first.value.has("addr_code")) return importBaseImb(context, first.value, records);
    throw new ImportFileError(`${context.source.fileName} n'est pas un fichier ${LABEL} : il n'a ni les colonnes imb_code et addr_code, ni code_operateur et code_techno.`);
  },
};

async function* all(first: CsvRecord, rest: AsyncGenerator<CsvRecord>): AsyncGenerator<CsvRecord> {
  yield first;
  yield* rest;
}

/** Web Mercator (EPSG:3857) or WGS84 → WGS84: the files' system is not documented, the bounds tell. */
function mciPosition(x: string, y: string): { lat: number; lon: number } | null {
  const easting = parseDecimal(x);
  const northing = parseDecimal(y);
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) return null;
  if (Math.abs(easting) <= 180 && Math.abs(northing) <= 90) return toWgs84(easting, northing, "WGS84");
  const lon = (easting / 6_378_137) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(northing / 6_378_137)) - Math.PI / 2) * (180 / Math.PI);
  return toWgs84(lon, lat, "WGS84");
}

const BAN_ID_COMMUNE = /^([0-9][0-9AB][0-9]{3})_/i;

/** The building's commune (imb_code_insee, else its address's), or why the line is rejected under a territory. */
function mciCommune(record: CsvRecord, territory: ReadonlySet<string>): string | null {
  const inseeCode =
    record.get("imb_code_insee") || record.get("addr_code_insee") || (BAN_ID_COMMUNE.exec(record.get("addr_code"))?.[1]?.toUpperCase() ?? "");
  if (!inseeCode) return "commune de l'immeuble inconnue (ni imb_code_insee, ni adresse BAN) : son territoire ne peut être vérifié";
  return outsideTerritory(territory, inseeCode);
}

interface BaseLine {
  line: number;
  mciId: string;
  externalId: string;
  addressCode: string | null;
  position: { lat: number; lon: number } | null;
  dwellings: number | null;
  type: string | null;
}

/** base_imb: each line links an Arcep building to ours and to its BAN address. */
async function importBaseImb(context: ImportContext, first: CsvRecord, rest: AsyncGenerator<CsvRecord>): Promise<void> {
  let batch: BaseLine[] = [];
  for await (const record of all(first, rest)) {
    context.tick();
    const mciId = record.get("imb_id");
    const tooLong = fieldTooLong(record);
    if (tooLong || !mciId) {
      context.report.reject(record.line, mciId, tooLong ?? "imb_id manquant");
      continue;
    }
    if (context.territory) {
      const outside = mciCommune(record, context.territory);
      if (outside) {
        context.report.reject(record.line, mciId, outside);
        continue;
      }
    }
    const dwellings = parseInteger(record.get("imb_nbr_logloc"));
    batch.push({
      line: record.line,
      mciId,
      externalId: record.get("imb_code") || `MCI/${mciId}`,
      addressCode: record.get("addr_source").toLowerCase() === "ban" ? record.get("addr_code") || null : null,
      position: mciPosition(record.get("imb_x"), record.get("imb_y")),
      dwellings: dwellings !== null && Number.isFinite(dwellings) ? dwellings : null,
      type: record.get("imb_type").toUpperCase() || null,
    });
    if (batch.length >= BATCH) {
      await linkBuildings(context, batch);
      batch = [];
    }
  }
  await linkBuildings(context, batch);
}

async function linkBuildings(context: ImportContext, lines: BaseLine[]): Promise<void> {
  if (lines.length === 0) return;
  const { store, report, runId, now, sourceName } = context;
  const buildings = new Map(
    (
      await selectIn<{ id: string; externalId: string; mciId: string | null; addressId: string | null; lastRunId: string | null }>(
        store,
        (inList) => `SELECT "id", "externalId", "mciId", "addressId", "lastRunId" FROM "Building" WHERE "externalId" IN ${inList}`,
        lines.map((line) => line.externalId),
      )
    ).map((row) => [row.externalId, row]),
  );
  const addresses = new Set(
    (
      await selectIn<{ id: string }>(
        store,
        (inList) => `SELECT "id" FROM "Address" WHERE "id" IN ${inList}`,
        lines.flatMap((line) => (line.addressCode ? [line.addressCode] : [])),
      )
    ).map((row) => row.id),
  );

  const creates: SqlValue[][] = [];
  /** [building id, its Arcep id, its BAN address or null]: linked anew (one UPDATE for them all). */
  const relinked: SqlValue[][] = [];
  const unchanged: string[] = [];
  const seen = new Set<string>();
  // Sent without waiting for each (the store runs them in order); their outcome is awaited at the end.
  const writes = new SentWrites();
  for (const line of lines) {
    const addressId = line.addressCode && addresses.has(line.addressCode) ? line.addressCode : null;
    const current = buildings.get(line.externalId);
    if (seen.has(line.externalId) || current?.lastRunId === runId) {
      report.reject(line.line, line.mciId, "doublon : cet immeuble figure déjà plus haut dans le fichier");
      continue;
    }
    seen.add(line.externalId);
    if (!current) {
      const hash = contentHash([addressId, line.position?.lat ?? null, line.position?.lon ?? null, line.dwellings, line.type]);
      creates.push([
        orderedId(), line.externalId, line.mciId, addressId, addressId ? "FILE" : null, line.position?.lat ?? null, line.position?.lon ?? null,
        line.dwellings, line.type, "ARCEP_MCI", sourceName, hash, runId, now, now,
      ]);
      report.count("created");
      continue;
    }
    // Arcep's own link to the BAN address is the most reliable: it replaces ours.
    const isChanged = current.mciId !== line.mciId || (addressId !== null && current.addressId !== addressId);
    if (isChanged) {
      // The change log reads the facts' address before they move to the new one (below).
      if (addressId && current.addressId !== addressId) {
        writes.add(store.run(relinkLogSql(store.provider, "from"), [runId, now, current.id, addressId]));
        writes.add(store.run(relinkLogSql(store.provider, "to"), [runId, addressId, departementOfInsee(addressId), now, current.id, addressId]));
      }
      relinked.push([current.id, line.mciId, addressId]);
      report.count("updated");
    } else {
      unchanged.push(current.id);
      report.count("unchanged");
    }
  }
  // Arcep's address, when it gives one, replaces the building's and its facts'.
  writes.add(
    updateFromValues(
      store,
      "Building",
      `"mciId" = v.column2, "lastRunId" = ?, "updatedAt" = ?, "addressId" = COALESCE(v.column3, "Building"."addressId"),
       "addressMatch" = CASE WHEN v.column3 IS NULL THEN "Building"."addressMatch" ELSE 'FILE' END`,
      `"Building"."id" = v.column1`,
      relinked,
      [runId, now],
    ),
  );
  writes.add(
    updateFromValues(
      store,
      "Availability",
      `"addressId" = v.column2`,
      // Only the facts whose address changes: an UPDATE that changes nothing still writes a row version on PostgreSQL.
      `"Availability"."buildingId" = v.column1 AND "Availability"."addressId" IS DISTINCT FROM v.column2`,
      relinked.filter((row) => row[2] !== null).map(([buildingId, , addressId]) => [buildingId!, addressId!]),
    ),
  );
  if (unchanged.length) writes.add(runIn(store, (inList) => `UPDATE "Building" SET "lastRunId" = ? WHERE "id" IN ${inList}`, unchanged, [runId]));
  writes.add(
    insertRows(
      store,
      "Building",
      ["id", "externalId", "mciId", "addressId", "addressMatch", "lat", "lon", "dwellings", "type", "source", "sourceName", "contentHash", "lastRunId", "createdAt", "updatedAt"],
      creates,
    ),
  );
  await writes.done();
}

interface EligibilityLine {
  line: number;
  mciId: string;
  operator: string;
}

/** actuel: one line per building × operator × technology; fibre lines give the FttH operators. */
async function importEligibility(context: ImportContext, first: CsvRecord, rest: AsyncGenerator<CsvRecord>): Promise<void> {
  let batch: EligibilityLine[] = [];
  const knownOperators = new Set<string>();
  for await (const record of all(first, rest)) {
    context.tick();
    const mciId = record.get("imb_id");
    const operator = record.get("code_operateur").toUpperCase();
    const tooLong = fieldTooLong(record);
    if (tooLong || !mciId || !operator) {
      context.report.reject(record.line, mciId, tooLong ?? (mciId ? "code_operateur manquant" : "imb_id manquant"));
      continue;
    }
    if (!technologyFromMci(record.get("code_techno"))) {
      context.report.skip();
      continue;
    }
    // A building's lines stay in one batch (files list them together), so its operators are compared whole.
    if (batch.length >= BATCH && batch[batch.length - 1]!.mciId !== mciId) {
      await writeOperators(context, batch, knownOperators);
      batch = [];
    }
    batch.push({ line: record.line, mciId, operator });
  }
  await writeOperators(context, batch, knownOperators);
  const unseen = (inList: string | null) =>
    `"sourceKind" = 'ARCEP_MCI' AND "sourceName" = ? AND "withdrawnAt" IS NULL
       AND ("importRunId" IS NULL OR "importRunId" <> ?)${inList === null ? "" : ` AND ${addressInCommunes(inList)}`}`;
  await runInTerritory(context, (inList) => withdrawalLogSql(context.store.provider, unseen(inList)), [context.runId, context.now, context.sourceName, context.runId]);
  await runInTerritory(context, (inList) => `UPDATE "Availability" SET "withdrawnAt" = ? WHERE ${unseen(inList)}`, [context.now, context.sourceName, context.runId]);
}

async function writeOperators(context: ImportContext, lines: EligibilityLine[], knownOperators: Set<string>): Promise<void> {
  if (lines.length === 0) return;
  const { store, report, runId, now, sourceName, fileDate } = context;
  const unknownOperators = [...new Set(lines.map((line) => line.operator))].filter((code) => !knownOperators.has(code));
  await insertRows(store, "Operator", ["code", "name", "role"], unknownOperators.map((code) => [code, knownOperatorName(code) ?? code, "COMMERCIAL"]), `ON CONFLICT ("code") DO NOTHING`);
  unknownOperators.forEach((code) => knownOperators.add(code));

  // Under a territory, the building's commune is its address's: one more column, one Set lookup per line.
  const buildings = new Map(
    (
      await selectIn<{ id: string; mciId: string; addressId: string | null; inseeCode?: string | null }>(
        store,
        (inList) =>
          context.territory
            ? `SELECT b."id", b."mciId", b."addressId", a."inseeCode" FROM "Building" b LEFT JOIN "Address" a ON a."id" = b."addressId" WHERE b."mciId" IN ${inList}`
            : `SELECT "id", "mciId", "addressId" FROM "Building" WHERE "mciId" IN ${inList}`,
        [...new Set(lines.map((line) => line.mciId))],
      )
    ).map((row) => [row.mciId, row]),
  );
  const groups = new Map<string, { building: { id: string; addressId: string | null }; operators: Set<string>; lines: number[] }>();
  for (const line of lines) {
    const building = buildings.get(line.mciId);
    if (!building) {
      report.reject(line.line, line.mciId, "immeuble inconnu : importez d'abord le fichier base_imb du département");
      continue;
    }
    if (context.territory) {
      const outside = building.inseeCode
        ? outsideTerritory(context.territory, building.inseeCode)
        : "immeuble sans adresse connue : son territoire ne peut être vérifié";
      if (outside) {
        report.reject(line.line, line.mciId, outside);
        continue;
      }
    }
    const group = groups.get(building.id) ?? { building, operators: new Set<string>(), lines: [] };
    group.operators.add(line.operator);
    group.lines.push(line.line);
    groups.set(building.id, group);
  }

  // This source's FTTH fact on each building (the fact's key: building, technology, source).
  const facts = new Map(
    (
      await selectIn<{ id: string; buildingId: string; importRunId: string | null; withdrawnAt: unknown }>(
        store,
        (inList) =>
          `SELECT "id", "buildingId", "importRunId", "withdrawnAt" FROM "Availability"
            WHERE "sourceName" = ? AND "sourceKind" = 'ARCEP_MCI' AND "technology" = 'FTTH' AND "buildingId" IN ${inList}`,
        [...groups.keys()],
        [sourceName],
      )
    ).map((row) => [row.buildingId, row]),
  );
  // The operators each existing fact lists now, read at once.
  const listed = new Map<string, Set<string>>();
  for (const row of await selectIn<{ availabilityId: string; operatorCode: string }>(
    store,
    (inList) => `SELECT "availabilityId", "operatorCode" FROM "AvailabilityOperator" WHERE "availabilityId" IN ${inList}`,
    [...facts.values()].map((fact) => fact.id),
  )) {
    const codes = listed.get(row.availabilityId) ?? new Set<string>();
    codes.add(row.operatorCode);
    listed.set(row.availabilityId, codes);
  }

  const changes: SqlValue[][] = [];
  const logAppearance = (addressId: string | null) => {
    if (!addressId) return;
    changes.push(changeRow({
      kind: "address", subjectId: addressId, inseeCode: addressId, technology: "FTTH", status: "DEPLOYE", previousStatus: null,
      sourceKind: "ARCEP_MCI", sourceName, changedAt: now,
    }));
  };
  const created: SqlValue[][] = [];
  /** Operators of new facts (a plain insert, a COPY on PostgreSQL), and of facts whose list is replaced or grown. */
  const createdOperators: SqlValue[][] = [];
  const otherOperators: SqlValue[][] = [];
  const restamped: string[] = [];
  const replaced: string[] = [];
  for (const [buildingId, group] of groups) {
    const current = facts.get(buildingId);
    if (!current) {
      const factId = orderedId();
      created.push([factId, group.building.addressId, buildingId, "FTTH", "DEPLOYE", "ARCEP_MCI", sourceName, fileDate, now, runId]);
      for (const code of group.operators) createdOperators.push([factId, code, "COMMERCIAL"]);
      logAppearance(group.building.addressId);
      report.count("created", group.lines.length);
      continue;
    }
    const existing = listed.get(current.id) ?? new Set<string>();
    // Seen earlier in this run: this batch adds operators; otherwise this file's set replaces the old one.
    const isSeenInRun = current.importRunId === runId;
    const wanted = isSeenInRun ? new Set([...existing, ...group.operators]) : group.operators;
    const isSame = current.withdrawnAt === null && wanted.size === existing.size && [...wanted].every((code) => existing.has(code));
    // Its status is always DEPLOYE: only its return after a withdrawal is a change.
    if (current.withdrawnAt !== null && !isSeenInRun) logAppearance(group.building.addressId);
    if (!isSame) {
      replaced.push(current.id);
      for (const code of wanted) otherOperators.push([current.id, code, "COMMERCIAL"]);
    }
    restamped.push(current.id);
    report.count(isSame || isSeenInRun ? "unchanged" : "updated", group.lines.length);
  }

  // Sent without waiting for each (the store runs them in order; a read sent later sees them).
  const writes = new SentWrites();
  writes.add(
    insertRows(
      store,
      "Availability",
      ["id", "addressId", "buildingId", "technology", "status", "sourceKind", "sourceName", "fileDate", "recordedAt", "importRunId"],
      created,
    ),
  );
  if (restamped.length) {
    writes.add(runIn(store, (inList) => `UPDATE "Availability" SET "importRunId" = ?, "fileDate" = ?, "withdrawnAt" = NULL WHERE "id" IN ${inList}`, restamped, [runId, fileDate]));
  }
  if (replaced.length) writes.add(runIn(store, (inList) => `DELETE FROM "AvailabilityOperator" WHERE "availabilityId" IN ${inList}`, replaced));
  writes.add(insertRows(store, "AvailabilityOperator", ["availabilityId", "operatorCode", "role"], createdOperators));
  writes.add(insertRows(store, "AvailabilityOperator", ["availabilityId", "operatorCode", "role"], otherOperators, "ON CONFLICT DO NOTHING"));
  writes.add(insertRows(store, "ChangeLogEntry", CHANGE_COLUMNS, changes));
  await writes.done();
}

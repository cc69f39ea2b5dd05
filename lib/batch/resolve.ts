import "server-only";
/**
 * The address of each line of a member list, a chunk at a time: by SIRET (only the linked
 * establishments of the "Establishment" table, which holds nothing non-diffusible — an unknown SIRET
 * and a hidden one read the same), else by INSEE code (or postcode + commune) + street + number
 * through the importers' matcher (a stated number is never matched to another), else by the
 * free-text address when it is sure (lib/batch/free-text.ts). The communes a chunk needs are loaded
 * in one query before its lines are matched.
 */
import type { ColumnPlan, ColumnRole } from "@/lib/batch/columns";
import { findSureAddress } from "@/lib/batch/free-text";
import { rawSelect } from "@/lib/db/raw";
import { findEstablishmentsBySiret, normaliseSiret } from "@/lib/data/establishments";
import { AddressMatcher } from "@/lib/import/address-matcher";
import { CommuneLookup, type CommuneEntry } from "@/lib/import/commune-lookup";
import { normalizeSuffix, streetKey } from "@/lib/text/street";

export type LineMatch =
  | { match: "siret" | "address"; score: number; addressId: string; siret: string | null; reason: "" }
  | { match: "none"; score: null; addressId: null; siret: null; reason: string };

const none = (reason: string): LineMatch => ({ match: "none", score: null, addressId: null, siret: null, reason });

const INSEE = /^\d[\dAB]\d{3}$/;
const POSTCODE = /^\d{5}$/;
const NUMBER = /^(\d{1,6})\s*([a-z]{1,8})?$/;
const NUMBERED_STREET = /^(\d{1,6})\s*(bis|ter|quater|[a-z])?\s+(.+)$/i;

/**
 * Communes by the first digits of a postcode ("01", "2A/2B" for "20", "974"): a list is mostly one
 * territory, so only its départements are read. The commune table changes with the reference data
 * only: each part is read once per process and COMMUNES_TTL_MS.
 */
const COMMUNES_TTL_MS = 10 * 60 * 1000;
const communeCache = globalThis as unknown as { fibreProBatchCommunes?: Map<string, { lookup: Promise<CommuneLookup>; until: number }> };

function postcodeArea(postcode: string): string {
  return postcode.startsWith("97") || postcode.startsWith("98") ? postcode.slice(0, 3) : postcode.slice(0, 2);
}

function communeLookup(postcode: string): Promise<CommuneLookup> {
  const area = postcodeArea(postcode);
  const cache = (communeCache.fibreProBatchCommunes ??= new Map());
  const cached = cache.get(area);
  if (cached && cached.until > Date.now()) return cached.lookup;
  const lookup = loadCommuneLookup(area);
  cache.set(area, { lookup, until: Date.now() + COMMUNES_TTL_MS });
  lookup.catch(() => cache.delete(area));
  return lookup;
}

/** The communes of the area's département(s), and those elsewhere that have a postcode of the area. */
async function loadCommuneLookup(area: string): Promise<CommuneLookup> {
  const departements = area === "20" ? ["2A", "2B"] : [area];
  const rows = await rawSelect<{ inseeCode: string; name: string; postcode: string | null }>(
    `SELECT c."inseeCode", c."name", p."postcode" FROM "Commune" c LEFT JOIN "CommunePostcode" p ON p."inseeCode" = c."inseeCode"
      WHERE c."departementCode" IN (${departements.map(() => "?").join(", ")})
         OR c."inseeCode" IN (SELECT "inseeCode" FROM "CommunePostcode" WHERE "postcode" LIKE ?)`,
    [...departements, `${area}%`],
  );
  const communes = new Map<string, CommuneEntry & { postcodes: string[] }>();
  for (const row of rows) {
    const commune = communes.get(row.inseeCode) ?? { name: row.name, postcodes: [] };
    if (row.postcode) commune.postcodes.push(row.postcode);
    communes.set(row.inseeCode, commune);
  }
  return new CommuneLookup(communes);
}

/** One request's resolver: the matcher's commune cache and the commune table are kept for its chunks. */
export class LineResolver {
  private readonly matcher = new AddressMatcher({ allCommitted: (sql, params) => rawSelect(sql, params ?? []) });

  constructor(private readonly plan: ColumnPlan) {}

  private value(record: readonly string[], role: ColumnRole): string {
    const index = this.plan.roles[role];
    return index === undefined ? "" : (record[index] ?? "").trim();
  }

  /** The matches of the chunk's lines, in order. `malformed` lines (by index) are answered none with their reason. */
  async resolve(records: readonly (readonly string[])[], malformed: ReadonlyMap<number, string>): Promise<LineMatch[]> {
    const sirets = records.map((record) => normaliseSiret(this.value(record, "siret")));
    const known = await findEstablishmentsBySiret(sirets.filter((siret): siret is string => siret !== null));
    // The communes of the lines the matcher will see, loaded in one query.
    const communes: string[] = [];
    for (const [index, record] of records.entries()) {
      if (malformed.has(index) || known.get(sirets[index] ?? "")?.addressId || !this.value(record, "street")) continue;
      const inseeCode = await this.inseeCode(record);
      if (inseeCode) communes.push(inseeCode);
    }
    await this.matcher.preload(communes);
    const results: LineMatch[] = [];
    for (const [index, record] of records.entries()) {
      const problem = malformed.get(index);
      if (problem) {
        results.push(none(problem));
        continue;
      }
      const siret = sirets[index];
      const establishment = siret ? known.get(siret) : undefined;
      if (establishment?.addressId) {
        results.push({ match: "siret", score: 1, addressId: establishment.addressId, siret: establishment.siret, reason: "" });
        continue;
      }
      const byAddress = await this.byAddress(record);
      if (byAddress.match !== "none") results.push(byAddress);
      else results.push(none(this.siretReason(record, siret, establishment !== undefined) ?? (byAddress.reason || "ni SIRET ni adresse sur cette ligne")));
    }
    return results;
  }

  /** Why the SIRET did not give the address, when the line has one. */
  private siretReason(record: readonly string[], siret: string | null | undefined, isKnown: boolean): string | null {
    const written = this.value(record, "siret");
    if (!written) return null;
    if (!siret) return `SIRET « ${written} » invalide (14 chiffres attendus)`;
    return isKnown ? "établissement sans adresse rattachée" : "SIRET inconnu";
  }

  private async byAddress(record: readonly string[]): Promise<LineMatch> {
    const structured = await this.byParts(record);
    if (structured.match !== "none" || this.plan.freeText.length === 0) return structured;
    const text = this.plan.freeText.map((index) => (record[index] ?? "").trim()).filter(Boolean).join(" ");
    if (!text) return structured.reason ? structured : none("aucune adresse sur cette ligne");
    const found = await findSureAddress(text, await this.inseeCode(record));
    return "score" in found ? { match: "address", score: found.score, addressId: found.addressId, siret: null, reason: "" } : none(found.reason);
  }

  private async inseeCode(record: readonly string[]): Promise<string | null> {
    const written = this.value(record, "inseeCode").toUpperCase();
    if (INSEE.test(written)) return written;
    const postcode = this.value(record, "postcode");
    const commune = this.value(record, "commune");
    if (!POSTCODE.test(postcode) || !commune) return null;
    return (await communeLookup(postcode)).find(postcode, commune);
  }

  /** INSEE code + street + number through the importers' matcher; reason "" when the line has no parts to try. */
  private async byParts(record: readonly string[]): Promise<LineMatch> {
    let street = this.value(record, "street");
    let numberText = this.value(record, "number");
    let suffixText = this.value(record, "suffix");
    if (!street) return none("");
    const numbered = !numberText ? NUMBERED_STREET.exec(street) : null;
    if (numbered) {
      numberText = numbered[1]!;
      suffixText ||= numbered[2] ?? "";
      street = numbered[3]!;
    }
    const number = NUMBER.exec(numberText.toLowerCase());
    if (!numberText) return none("adresse sans numéro : aucun rattachement sûr");
    if (!number) return none(`numéro « ${numberText} » illisible`);
    const inseeCode = await this.inseeCode(record);
    if (!inseeCode) return none("commune introuvable : code INSEE, ou code postal et commune, attendus");
    const found = await this.matcher.match({
      inseeCode,
      streetKey: streetKey(street),
      number: Number(number[1]),
      suffix: normalizeSuffix(suffixText || number[2] || ""),
      position: null,
    });
    if ("method" in found) return { match: "address", score: 1, addressId: found.addressId, siret: null, reason: "" };
    // The matcher speaks to imports, which may have coordinates; a list has none to offer.
    return none(found.reason.endsWith("pas de coordonnées") ? `aucune adresse connue au ${numberText} ${street} (${inseeCode})` : found.reason);
  }
}

/**
 * Finds the BAN address of a line that names one (IPE, Arcep Carte fibre; SIRENE later) — the one
 * rule every importer shares. `AddressMatcher.match` is the entry point:
 *
 * 1. By key: INSEE code + street key + number + suffix (suffix equivalents: B = bis…). A grouped
 *    number (IPE `166170` = 166–170) is tried as written, then as its range: the first number of
 *    the range that exists on the street wins (see `numberReadings`).
 * 2. By position, within NEAREST_MAX_METRES, only when
 *    - the line states no number (a named place, a building without a number): the nearest address; or
 *    - its number exists nowhere on that street AND the nearest address bears that same number on a
 *      differently spelled street ("RUE A LAVOISIER" / "Rue Antoine Lavoisier").
 * 3. Otherwise unmatched, with the reason (French, for the import report). A stated number is
 *    never attached to another number by proximity: « 33 rue Lavoisier » is not « 31 rue Lavoisier ».
 *
 * Addresses are loaded per commune on demand and kept in a bounded cache, so memory does not grow
 * with the file.
 */
import type { SqlStore } from "@/lib/import/store/sql-store";
import { suffixVariants } from "@/lib/text/street";

export const NEAREST_MAX_METRES = 30;
/** About 55 m of latitude: a 3×3 block of cells always covers a 30 m radius. */
const CELL_DEGREES = 0.0005;
const MAX_CACHED_ADDRESSES = 60_000;
/** The widest grouped number read as a range (166170 = 166–170: 4 apart). */
const MAX_GROUP_SPAN = 10;

interface IndexedAddress {
  id: string;
  lat: number;
  lon: number;
  streetKey: string;
  number: number | null;
  suffix: string | null;
}

interface AddressRow {
  inseeCode?: string;
  id: string;
  streetKey: string;
  number: number | null;
  suffix: string | null;
  lat: number;
  lon: number;
}

const ADDRESS_COLUMNS = `"id", "streetKey", "number", "suffix", "lat", "lon"`;

interface CommuneIndex {
  byKey: Map<string, string>;
  /** The numbers of each street key. */
  numbers: Map<string, Set<number>>;
  cells: Map<string, IndexedAddress[]>;
  size: number;
}

export interface MatchQuery {
  inseeCode: string;
  /** streetKey() of the line's street ("" when it has none). */
  streetKey: string;
  /** The number as stated (null: none); grouped numbers are read here, not by the caller. */
  number: number | null;
  /** normalizeSuffix() of the line's suffix. */
  suffix: string | null;
  position: { lat: number; lon: number } | null;
}

export interface Match {
  addressId: string;
  method: "KEY" | "NEAREST";
}

export interface NoMatch {
  addressId: null;
  /** Why, in French, for the import report. */
  reason: string;
}

const addressKey = (streetKey: string, number: number | null, suffix: string | null) => `${streetKey}|${number ?? ""}|${suffix ?? ""}`;
const cellKey = (lat: number, lon: number) => `${Math.floor(lat / CELL_DEGREES)}:${Math.floor(lon / CELL_DEGREES)}`;

export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/**
 * The numbers a stated number may mean, in the order they are tried: itself, then — for 5 or 6
 * digits that split into exactly one ascending pair at most MAX_GROUP_SPAN apart (166170 → 166,
 * 170; 98100 → 98, 100) — the numbers of that range, on the pair's side of the street when both
 * have the same parity (166, 168, 170). Four digits are never a group: metric numbering
 * (DATA-FORMATS.md §8) gives real numbers of 5000–9999, and 5658 is not 56–58.
 */
export function numberReadings(number: number): number[] {
  const digits = String(number);
  if (digits.length < 5 || digits.length > 6) return [number];
  const pairs: [number, number][] = [];
  for (let cut = 1; cut < digits.length; cut++) {
    if (digits[cut] === "0") continue;
    const first = Number(digits.slice(0, cut));
    const last = Number(digits.slice(cut));
    if (first > 0 && last > first && last - first <= MAX_GROUP_SPAN) pairs.push([first, last]);
  }
  if (pairs.length !== 1) return [number];
  const [first, last] = pairs[0]!;
  const step = (last - first) % 2 === 0 ? 2 : 1;
  const range: number[] = [];
  for (let value = first; value <= last; value += step) range.push(value);
  return [number, ...range];
}

export class AddressMatcher {
  private readonly communes = new Map<string, CommuneIndex>();
  private cached = 0;

  /** Only reads committed addresses: any store, or a plain reader outside an import (lib/batch). */
  constructor(private readonly store: Pick<SqlStore, "allCommitted">) {}

  /** The line's address (how it was found), or why there is none. See the module's comment for the rule. */
  async match(query: MatchQuery): Promise<Match | NoMatch> {
    const index = await this.commune(query.inseeCode);
    const readings: (number | null)[] = query.number === null ? [null] : numberReadings(query.number);
    if (query.streetKey) {
      for (const number of readings) {
        for (const suffix of suffixVariants(query.suffix)) {
          const id = index.byKey.get(addressKey(query.streetKey, number, suffix));
          if (id) return { addressId: id, method: "KEY" };
        }
      }
    }
    if (query.number !== null && readings.some((number) => number !== null && index.numbers.get(query.streetKey)?.has(number))) {
      return { addressId: null, reason: `le numéro ${query.number} existe dans cette voie (BAN), mais pas avec ce complément` };
    }
    if (!query.position) return { addressId: null, reason: "aucune adresse avec cette voie et ce numéro, et pas de coordonnées" };
    const nearest = this.nearest(index, query.position);
    if (!nearest) return { addressId: null, reason: `aucune adresse avec cette voie et ce numéro, ni à moins de ${NEAREST_MAX_METRES} m` };
    if (query.number === null) return { addressId: nearest.id, method: "NEAREST" };
    const isSameNumberElsewhereSpelled =
      nearest.streetKey !== query.streetKey && readings.includes(nearest.number) && suffixVariants(query.suffix).includes(nearest.suffix);
    if (isSameNumberElsewhereSpelled) return { addressId: nearest.id, method: "NEAREST" };
    return { addressId: null, reason: `le numéro ${query.number} n'existe pas dans cette voie (BAN) : le bâtiment n'est pas rattaché à une autre adresse` };
  }

  private nearest(index: CommuneIndex, position: { lat: number; lon: number }): IndexedAddress | null {
    let best: { address: IndexedAddress; distance: number } | null = null;
    const row = Math.floor(position.lat / CELL_DEGREES);
    const column = Math.floor(position.lon / CELL_DEGREES);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        for (const address of index.cells.get(`${row + dr}:${column + dc}`) ?? []) {
          const distance = distanceMetres(position, address);
          if (distance <= NEAREST_MAX_METRES && (!best || distance < best.distance)) best = { address, distance };
        }
      }
    }
    return best?.address ?? null;
  }

  /**
   * Loads the communes not cached yet in one query: a caller that matches many lines at once (the
   * batch check, lib/batch) saves a query per commune. Past the cache's bound, the oldest go.
   */
  async preload(inseeCodes: readonly string[]): Promise<void> {
    const missing = [...new Set(inseeCodes)].filter((code) => !this.communes.has(code));
    if (missing.length === 0) return;
    const rows = await this.store.allCommitted<AddressRow>(
      `SELECT "inseeCode", ${ADDRESS_COLUMNS} FROM "Address" WHERE "inseeCode" IN (${missing.map(() => "?").join(", ")})`,
      missing,
    );
    const byCommune = new Map<string, AddressRow[]>(missing.map((code) => [code, []]));
    for (const row of rows) byCommune.get(row.inseeCode!)?.push(row);
    for (const [code, communeRows] of byCommune) this.remember(code, communeRows);
  }

  private async commune(inseeCode: string): Promise<CommuneIndex> {
    const cached = this.communes.get(inseeCode);
    if (cached) {
      this.communes.delete(inseeCode);
      this.communes.set(inseeCode, cached);
      return cached;
    }
    const rows = await this.store.allCommitted<AddressRow>(`SELECT ${ADDRESS_COLUMNS} FROM "Address" WHERE "inseeCode" = ?`, [inseeCode]);
    return this.remember(inseeCode, rows);
  }

  private remember(inseeCode: string, rows: readonly AddressRow[]): CommuneIndex {
    const index: CommuneIndex = { byKey: new Map(), numbers: new Map(), cells: new Map(), size: rows.length };
    for (const row of rows) {
      const address: IndexedAddress = {
        id: row.id,
        lat: Number(row.lat),
        lon: Number(row.lon),
        streetKey: row.streetKey,
        number: row.number === null ? null : Number(row.number),
        suffix: row.suffix,
      };
      index.byKey.set(addressKey(address.streetKey, address.number, address.suffix), address.id);
      if (address.number !== null) {
        const numbers = index.numbers.get(address.streetKey);
        if (numbers) numbers.add(address.number);
        else index.numbers.set(address.streetKey, new Set([address.number]));
      }
      const key = cellKey(address.lat, address.lon);
      const cell = index.cells.get(key);
      if (cell) cell.push(address);
      else index.cells.set(key, [address]);
    }
    this.communes.set(inseeCode, index);
    this.cached += index.size;
    for (const [code, oldest] of this.communes) {
      if (this.cached <= MAX_CACHED_ADDRESSES || code === inseeCode) break;
      this.communes.delete(code);
      this.cached -= oldest.size;
    }
    return index;
  }
}

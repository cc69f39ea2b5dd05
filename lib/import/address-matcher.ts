/**
 * Finds the address of a building line: first by INSEE code + street key + number + suffix, then
 * the nearest address of the same commune within 30 m. Addresses are loaded per commune on demand
 * and kept in a bounded cache, so memory does not grow with the file.
 */
import type { SqlStore } from "@/lib/import/store/sql-store";
import { suffixVariants } from "@/lib/text/street";

export const NEAREST_MAX_METRES = 30;
/** About 55 m of latitude: a 3×3 block of cells always covers a 30 m radius. */
const CELL_DEGREES = 0.0005;
const MAX_CACHED_ADDRESSES = 60_000;

interface CommuneIndex {
  byKey: Map<string, string>;
  cells: Map<string, { id: string; lat: number; lon: number }[]>;
  size: number;
}

export interface MatchQuery {
  inseeCode: string;
  streetKey: string;
  number: number | null;
  suffix: string | null;
  position: { lat: number; lon: number } | null;
}

export interface Match {
  addressId: string;
  method: "KEY" | "NEAREST";
}

const addressKey = (streetKey: string, number: number | null, suffix: string | null) => `${streetKey}|${number ?? ""}|${suffix ?? ""}`;
const cellKey = (lat: number, lon: number) => `${Math.floor(lat / CELL_DEGREES)}:${Math.floor(lon / CELL_DEGREES)}`;

export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

export class AddressMatcher {
  private readonly communes = new Map<string, CommuneIndex>();
  private cached = 0;

  constructor(private readonly store: SqlStore) {}

  async match(query: MatchQuery): Promise<Match | null> {
    const index = await this.commune(query.inseeCode);
    if (query.streetKey) {
      for (const suffix of suffixVariants(query.suffix)) {
        const id = index.byKey.get(addressKey(query.streetKey, query.number, suffix));
        if (id) return { addressId: id, method: "KEY" };
      }
    }
    if (!query.position) return null;
    const { lat, lon } = query.position;
    let best: { id: string; distance: number } | null = null;
    const row = Math.floor(lat / CELL_DEGREES);
    const column = Math.floor(lon / CELL_DEGREES);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        for (const address of index.cells.get(`${row + dr}:${column + dc}`) ?? []) {
          const distance = distanceMetres(query.position, address);
          if (distance <= NEAREST_MAX_METRES && (!best || distance < best.distance)) best = { id: address.id, distance };
        }
      }
    }
    return best ? { addressId: best.id, method: "NEAREST" } : null;
  }

  private async commune(inseeCode: string): Promise<CommuneIndex> {
    const cached = this.communes.get(inseeCode);
    if (cached) {
      this.communes.delete(inseeCode);
      this.communes.set(inseeCode, cached);
      return cached;
    }
    const rows = await this.store.allCommitted<{ id: string; streetKey: string; number: number | null; suffix: string | null; lat: number; lon: number }>(
      `SELECT "id", "streetKey", "number", "suffix", "lat", "lon" FROM "Address" WHERE "inseeCode" = ?`,
      [inseeCode],
    );
    const index: CommuneIndex = { byKey: new Map(), cells: new Map(), size: rows.length };
    for (const row of rows) {
      index.byKey.set(addressKey(row.streetKey, row.number === null ? null : Number(row.number), row.suffix), row.id);
      const key = cellKey(row.lat, row.lon);
      const cell = index.cells.get(key);
      if (cell) cell.push({ id: row.id, lat: row.lat, lon: row.lon });
      else index.cells.set(key, [{ id: row.id, lat: row.lat, lon: row.lon }]);
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

/** Splits the rows we want into those to create, those to update and those already there. */
export interface RowChanges<T> {
  create: T[];
  update: T[];
  unchanged: number;
}

export function diffRows<T extends object>(
  existing: ReadonlyMap<string, T>,
  desired: readonly T[],
  keyOf: (row: T) => string,
): RowChanges<T> {
  const changes: RowChanges<T> = { create: [], update: [], unchanged: 0 };
  for (const row of desired) {
    const current = existing.get(keyOf(row));
    if (!current) changes.create.push(row);
    else if (sameFields(current, row)) changes.unchanged += 1;
    else changes.update.push(row);
  }
  return changes;
}

function sameFields<T extends object>(current: T, wanted: T): boolean {
  return (Object.keys(wanted) as (keyof T)[]).every((key) => (current[key] ?? null) === (wanted[key] ?? null));
}

export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

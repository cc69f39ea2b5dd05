import { describe, expect, it } from "vitest";
import { chunks, diffRows } from "./sync";

describe("diffRows", () => {
  const existing = new Map([
    ["a", { code: "a", name: "Alpha", population: null }],
    ["b", { code: "b", name: "Beta", population: 2 }],
  ]);

  it("splits rows into created, updated and unchanged", () => {
    const changes = diffRows(
      existing,
      [
        { code: "a", name: "Alpha", population: null },
        { code: "b", name: "Bêta", population: 2 },
        { code: "c", name: "Gamma", population: 3 },
      ],
      (row) => row.code,
    );
    expect(changes.unchanged).toBe(1);
    expect(changes.update.map((row) => row.code)).toEqual(["b"]);
    expect(changes.create.map((row) => row.code)).toEqual(["c"]);
  });

  it("treats a missing value and null alike", () => {
    type Row = { code: string; population?: number | null };
    const changes = diffRows(new Map<string, Row>([["a", { code: "a" }]]), [{ code: "a", population: null }], (row) => row.code);
    expect(changes.unchanged).toBe(1);
  });
});

describe("chunks", () => {
  it("cuts rows into batches", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { ImportReport, KEPT_PROBLEMS } from "@/lib/import/report";

describe("ImportReport", () => {
  it("keeps the first problem lines of the file in line order, whatever order they were found in", () => {
    const streamed: number[] = [];
    const report = new ImportReport((_kind, problem) => streamed.push(problem.line));
    // Lines 2 … 2·KEPT+1, found in reverse (as a later batch's duplicates are found after the next lines are checked).
    for (let line = 2 * KEPT_PROBLEMS + 1; line >= 2; line--) report.reject(line, `ID${line}`, "doublon");
    report.unmatch(9, "B", "aucune adresse");
    report.unmatch(4, "A", "aucune adresse");

    expect(report.counts.rejected).toBe(2 * KEPT_PROBLEMS);
    expect(report.rejected).toHaveLength(KEPT_PROBLEMS);
    expect(report.rejected[0]).toEqual({ line: 2, id: "ID2", reason: "doublon" });
    expect(report.rejected.at(-1)?.line).toBe(KEPT_PROBLEMS + 1);
    expect(report.unmatched.map((problem) => problem.line)).toEqual([4, 9]);
    expect(streamed).toHaveLength(2 * KEPT_PROBLEMS + 2);
  });
});

import { describe, expect, it } from "vitest";
import { countRows, reportCsv, type JobReport } from "@/lib/admin/import-report";
import { safeFileName } from "@/lib/admin/import-jobs";

const report: JobReport = {
  sourceName: "IPE LIAIN",
  fileDate: null,
  encoding: "utf-8",
  reportsUnmatched: true,
  counts: { read: 3, created: 1, updated: 0, unchanged: 0, rejected: 1, unmatched: 1, withdrawn: 0, skipped: 0, noted: 0, withheld: 0 },
  rejected: [{ line: 3, id: "IMB;2", reason: 'valeur "inconnue"' }],
  unmatched: [{ line: 4, id: "IMB/3", reason: "aucune adresse" }],
};

describe("import job reports", () => {
  it("writes a ; CSV with a BOM, quoting what needs it", () => {
    expect(reportCsv(report)).toBe(
      '\uFEFFkind;line;id;reason\r\nrejete;3;"IMB;2";"valeur ""inconnue"""\r\nsans_adresse;4;IMB/3;aucune adresse\r\n',
    );
  });

  it("never writes a cell a spreadsheet would run as a formula", () => {
    const csv = reportCsv({ ...report, rejected: [{ line: 2, id: "=HYPERLINK(\"x\")", reason: "-1+1" }], unmatched: [] });
    expect(csv.split("\r\n")[1]).toBe(`rejete;2;"'=HYPERLINK(""x"")";'-1+1`);
  });

  it("labels the counts in French, unmatched only when the format has it", () => {
    expect(countRows(report).map((row) => row.label)).toEqual(["Lignes lues", "Créés", "Modifiés", "Inchangés", "Rejetés", "Sans adresse", "Retirés"]);
    expect(countRows({ ...report, reportsUnmatched: false }).some((row) => row.key === "unmatched")).toBe(false);
  });

  it("keeps upload names to safe characters, never a path", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\moi\\Réseau été (2).csv")).toBe("Reseau_ete_2_.csv");
    expect(safeFileName("...")).toBe("fichier");
  });
});

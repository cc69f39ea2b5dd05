/** The reports of an uploaded file's job: counts in French, problem lines, the CSV download. */
import type { ImportCounts, ProblemLine } from "@/lib/import/report";
import { toCsv } from "@/lib/text/csv";

export interface JobReport {
  sourceName: string;
  fileDate: string | null;
  encoding: string;
  reportsUnmatched: boolean;
  counts: ImportCounts;
  rejected: ProblemLine[];
  unmatched: ProblemLine[];
  /** Lines imported with a remark; absent from reports made before remarks existed. */
  notes?: ProblemLine[];
}

export function parseJobReport(text: string | null): JobReport | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as JobReport;
  } catch {
    return null;
  }
}

/** The counts shown, in order; `unmatched` only for the formats that can import a line without an address. */
export function countRows(report: JobReport): { key: keyof ImportCounts; label: string; value: number }[] {
  const { counts } = report;
  const rows: { key: keyof ImportCounts; label: string; value: number }[] = [
    { key: "read", label: "Lignes lues", value: counts.read },
    { key: "created", label: "Créés", value: counts.created },
    { key: "updated", label: "Modifiés", value: counts.updated },
    { key: "unchanged", label: "Inchangés", value: counts.unchanged },
    { key: "rejected", label: "Rejetés", value: counts.rejected },
  ];
  if (report.reportsUnmatched) rows.push({ key: "unmatched", label: "Sans adresse", value: counts.unmatched });
  rows.push({ key: "withdrawn", label: "Retirés", value: counts.withdrawn });
  if (counts.skipped > 0) rows.push({ key: "skipped", label: "Ignorés (hors sujet)", value: counts.skipped });
  if (counts.noted > 0) rows.push({ key: "noted", label: "Remarques", value: counts.noted });
  if (counts.withheld > 0) rows.push({ key: "withheld", label: "Non diffusibles (écartés)", value: counts.withheld });
  return rows;
}

/** kind;line;id;reason — `;`, UTF-8 with a BOM (opens as is in a French spreadsheet), CRLF. */
export function reportCsv(report: JobReport): string {
  const rows: (string | number)[][] = [["kind", "line", "id", "reason"]];
  for (const [kind, problems] of [["rejete", report.rejected], ["sans_adresse", report.unmatched], ["remarque", report.notes ?? []]] as const) {
    for (const problem of problems) rows.push([kind, problem.line, problem.id, problem.reason]);
  }
  return `\uFEFF${toCsv(rows, { recordDelimiter: "\r\n" })}`;
}

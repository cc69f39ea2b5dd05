import { countRows, type JobReport } from "@/lib/admin/import-report";
import { formatDate, formatInteger } from "@/lib/format";

const SHOWN_PROBLEMS = 100;

/** A dry-run or applied report: source, counts, then the first rejected, unmatched and noted lines. */
export function ImportReportView({ report, title, headingId, downloadUrl }: { report: JobReport; title: string; headingId: string; downloadUrl: string }) {
  const problems = [
    { key: "rejected", title: "Lignes rejetées", list: report.rejected, total: report.counts.rejected },
    { key: "unmatched", title: "Lignes importées sans adresse", list: report.unmatched, total: report.counts.unmatched },
    { key: "noted", title: "Lignes importées avec une remarque", list: report.notes ?? [], total: report.counts.noted ?? 0 },
  ].filter((group) => group.total > 0);
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="text-sm text-muted">
        Source « {report.sourceName} »{report.fileDate ? `, fichier du ${formatDate(new Date(report.fileDate))}` : ""}, encodage {report.encoding}.
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {countRows(report).map((row) => (
          <div key={row.key} className="rounded-md border border-line px-3 py-2">
            <dt className="text-sm text-muted">{row.label}</dt>
            <dd className="text-2xl font-semibold">{formatInteger(row.value)}</dd>
          </div>
        ))}
      </dl>
      {problems.map((group) => (
        <div key={group.key} className="space-y-2">
          <h3 className="text-lg font-semibold">
            {group.title} ({formatInteger(group.total)})
          </h3>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">
                {group.title} : numéro de ligne, identifiant, raison
              </caption>
              <thead>
                <tr className="border-b border-line text-left">
                  <th scope="col" className="py-2 pr-4">Ligne</th>
                  <th scope="col" className="py-2 pr-4">Identifiant</th>
                  <th scope="col" className="py-2">Raison</th>
                </tr>
              </thead>
              <tbody>
                {group.list.slice(0, SHOWN_PROBLEMS).map((problem) => (
                  <tr key={`${problem.line}-${problem.id}`} className="border-b border-line align-top">
                    <td className="py-2 pr-4 tabular-nums">{problem.line}</td>
                    <td className="break-all py-2 pr-4">{problem.id || "—"}</td>
                    <td className="py-2">{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {group.total > Math.min(group.list.length, SHOWN_PROBLEMS) ? (
            <p className="text-sm text-muted">
              {formatInteger(Math.min(group.list.length, SHOWN_PROBLEMS))} premières lignes affichées sur {formatInteger(group.total)}.
            </p>
          ) : null}
        </div>
      ))}
      {problems.length > 0 ? (
        <p>
          <a href={downloadUrl} download>
            Télécharger le rapport complet (CSV)
          </a>
          <span className="text-sm text-muted"> — jusqu&apos;à 1 000 lignes de chaque sorte</span>
        </p>
      ) : null}
    </section>
  );
}

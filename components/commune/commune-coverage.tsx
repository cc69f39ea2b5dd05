import type { CommuneCoverage } from "@/lib/data/coverage";
import { formatInteger } from "@/lib/format";
import { STATUS_LABELS, STATUS_ORDER } from "@/lib/status";

const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((part / whole) * 100)}\u00a0%`;
const frenchDate = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });

export function CommuneCoverageSection({ coverage }: { coverage: CommuneCoverage }) {
  const known = Object.values(coverage.ftthByStatus).reduce((sum, n) => sum + (n ?? 0), 0);
  const unannounced = coverage.addresses - known;
  const rows = STATUS_ORDER.map((status) => ({ status, count: status === "NON_PREVU" ? unannounced : (coverage.ftthByStatus[status] ?? 0) })).filter(
    (row) => row.count > 0,
  );

  return (
    <section aria-labelledby="coverage-title" className="space-y-3">
      <h2 id="coverage-title" className="text-xl font-semibold">
        Couverture en fibre
      </h2>
      {coverage.addresses === 0 ? (
        <p>
          Aucune adresse de cette commune n&apos;a encore été chargée. Les informations des fichiers IPE, de l&apos;Arcep et
          des collectivités apparaîtront ici dès leur import.
        </p>
      ) : (
        <>
          <p>
            {formatInteger(coverage.addresses)} adresses connues. Fibre mutualisée (FttH), selon la source la plus récente pour
            chaque adresse :
          </p>
          <table className="w-full max-w-xl border-collapse text-left">
            <caption className="sr-only">Adresses par état du déploiement FttH</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 font-medium">
                  État
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Adresses
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Part
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.status} className="border-b border-line">
                  <th scope="row" className="py-2 font-normal">
                    {STATUS_LABELS[row.status]}
                  </th>
                  <td className="whitespace-nowrap py-2 pl-3 text-right">{formatInteger(row.count)}</td>
                  <td className="whitespace-nowrap py-2 pl-3 text-right">{percent(row.count, coverage.addresses)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {coverage.ftte > 0 && (
            <p>
              Fibre dédiée sur réseau mutualisé (FttE) possible à {formatInteger(coverage.ftte)} adresses (
              {percent(coverage.ftte, coverage.addresses)}).
            </p>
          )}
          {coverage.sources.length > 0 && (
            <p className="text-sm text-muted">
              Sources :{" "}
              {coverage.sources.map((source, index) => (
                <span key={source.name}>
                  {index > 0 && " ; "}
                  {source.name}
                  {source.date && ` du ${frenchDate.format(source.date)}`}
                </span>
              ))}
              .
            </p>
          )}
        </>
      )}
    </section>
  );
}

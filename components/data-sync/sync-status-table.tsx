/**
 * The official files `npm run data:sync` follows: for each, when it was last checked and when it
 * last changed (a new file imported). The admin also sees why the last check failed.
 */
import { ScrollBox } from "@/components/ui/scroll-box";
import type { SyncSourceRow } from "@/lib/data/data-sync";
import { formatDateTime } from "@/lib/format";

const FILE_LABELS: Readonly<Record<string, string>> = {
  ban: "Base Adresse Nationale",
  bdtopo: "Zones d'activités (IGN BD TOPO)",
  "arcep-immeubles": "Arcep Carte fibre (immeubles)",
  "arcep-mci-base_imb": "Arcep Ma connexion internet (immeubles)",
  "arcep-mci-actuel": "Arcep Ma connexion internet (éligibilité)",
  sirene: "Établissements SIRENE (Insee)",
};

export function SyncStatusTable({ rows, showErrors = false }: { rows: readonly SyncSourceRow[]; showErrors?: boolean }) {
  return (
    <ScrollBox label="Fichiers officiels suivis (tableau défilant)">
      <table className="w-full border-collapse text-left text-sm sm:text-base">
        <caption className="sr-only">Dernière vérification et dernier changement de chaque fichier officiel suivi</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3 font-medium">Fichier</th>
            <th scope="col" className="py-2 pr-3 font-medium">Département</th>
            <th scope="col" className="py-2 pr-3 font-medium">Dernière vérification</th>
            <th scope="col" className={`py-2 font-medium${showErrors ? " pr-3" : ""}`}>Dernier changement</th>
            {showErrors && <th scope="col" className="py-2 font-medium">Dernière erreur</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.source}-${row.departement}`} className="border-b border-line">
              <th scope="row" className="py-2 pr-3 font-normal">{FILE_LABELS[row.source] ?? row.source}</th>
              <td className="py-2 pr-3">{row.departement === "FR" ? "France entière" : row.departement}</td>
              <td className="py-2 pr-3">
                {row.lastCheckedAt ? formatDateTime(row.lastCheckedAt) : "jamais"}
                {row.lastError && !showErrors ? " (échec)" : ""}
              </td>
              <td className={`py-2${showErrors ? " pr-3" : ""}`}>{row.lastChangedAt ? formatDateTime(row.lastChangedAt) : "jamais"}</td>
              {showErrors && <td className="py-2 break-words">{row.lastError ?? ""}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

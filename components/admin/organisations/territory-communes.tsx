/** The communes of a territory, read-only; a long list (a whole département) is folded. */
import { formatInteger } from "@/lib/format";

const LONG_LIST = 100;

function CommuneList({ communes }: { communes: readonly { inseeCode: string; name: string }[] }) {
  return (
    <ul className="mt-2 columns-1 gap-6 text-sm sm:columns-3">
      {communes.map((commune) => (
        <li key={commune.inseeCode}>
          {commune.name} <span className="text-muted">({commune.inseeCode})</span>
        </li>
      ))}
    </ul>
  );
}

export function TerritoryCommunes({ communes }: { communes: readonly { inseeCode: string; name: string }[] }) {
  if (communes.length === 0) return <p className="text-muted">Aucune commune.</p>;
  return communes.length > LONG_LIST ? (
    <details>
      <summary className="cursor-pointer font-medium">Voir les {formatInteger(communes.length)} communes</summary>
      <CommuneList communes={communes} />
    </details>
  ) : (
    <CommuneList communes={communes} />
  );
}

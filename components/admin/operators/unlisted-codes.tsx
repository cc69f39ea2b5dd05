/** Codes the imported files cite that no directory entry claims, each with a link to a prefilled new entry. */
import Link from "next/link";
import { unreferencedName } from "@/lib/operators/directory";
import { formatInteger } from "@/lib/format";

export interface UnlistedCode {
  code: string;
  /** Arcep's reference name (or the name the file gave), when known. */
  name: string | null;
  facts: number;
}

/** The new-entry form, prefilled with the code and its known name. */
export function newEntryHref(unlisted: Pick<UnlistedCode, "code" | "name">): string {
  const params = new URLSearchParams({ code: unlisted.code, ...(unlisted.name ? { nom: unlisted.name } : {}) });
  return `/admin/operateurs/nouveau?${params}`;
}

export function UnlistedCodes({ codes }: { codes: readonly UnlistedCode[] }) {
  if (codes.length === 0) {
    return <p className="text-muted">Chaque code cité par les fichiers importés appartient à une fiche de l&apos;annuaire.</p>;
  }
  return (
    <div className="relative overflow-x-auto" role="region" aria-label="Tableau des codes sans fiche" tabIndex={0}>
      <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="py-2 pr-3">Code</th>
            <th scope="col" className="py-2 pr-3">Nom connu</th>
            <th scope="col" className="py-2 pr-3 text-right">Informations qui le citent</th>
            <th scope="col" className="py-2">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {codes.map((unlisted) => (
            <tr key={unlisted.code} className="border-b border-line">
              <td className="py-2 pr-3 font-mono">{unlisted.code}</td>
              <td className="py-2 pr-3">
                {unlisted.name ?? <span className="text-muted">inconnu — affiché « {unreferencedName(unlisted.code)} »</span>}
              </td>
              <td className="py-2 pr-3 text-right">{formatInteger(unlisted.facts)}</td>
              <td className="py-2">
                <Link href={newEntryHref(unlisted)} className="whitespace-nowrap">
                  Créer la fiche<span className="sr-only"> du code {unlisted.code}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Codes the imported files cite that no directory entry claims, each with a link to a prefilled new entry. */
import Link from "next/link";
import { formatInteger } from "@/lib/format";
import { unreferencedName } from "@/lib/operators/directory";

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
    <ul className="divide-y divide-line rounded-lg border border-line">
      {codes.map((unlisted) => (
        <li key={unlisted.code} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
          <div className="min-w-0 space-y-0.5">
            <p className="break-all font-mono">{unlisted.code}</p>
            <p className="text-sm">
              {unlisted.name ? `Nom connu : ${unlisted.name}` : <span className="text-muted">Nom inconnu : affiché « {unreferencedName(unlisted.code)} »</span>}
              <span className="text-muted">
                {" "}
                · cité par {formatInteger(unlisted.facts)} information{unlisted.facts > 1 ? "s" : ""}
              </span>
            </p>
          </div>
          <Link href={newEntryHref(unlisted)} className="whitespace-nowrap font-medium">
            Créer la fiche<span className="sr-only"> du code {unlisted.code}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The entries of the operator directory as platform admins review them: codes, offers, where, links. */
import Link from "next/link";
import { BUSINESS_TECHNOLOGIES } from "@/lib/levels/levels";
import type { DirectoryEntry } from "@/lib/operators/directory";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function ExternalLink({ href, label, owner }: { href: string; label: string; owner: string }) {
  return (
    <a href={href} rel="noopener noreferrer" className="break-all">
      {label}
      <span className="sr-only"> de {owner}</span> <span className="text-sm text-muted">({hostOf(href)})</span>
    </a>
  );
}

/** « Toute la France » or the départements by name. */
export function whereLabel(entry: Pick<DirectoryEntry, "isNational" | "departements">, departementNames: ReadonlyMap<string, string>): string {
  if (entry.isNational) return "Toute la France";
  if (entry.departements.length === 0) return "Aucun département indiqué";
  return entry.departements.map((code) => (departementNames.get(code) ? `${departementNames.get(code)} (${code})` : code)).join(", ");
}

function Entry({ entry, departementNames, isHighlighted }: { entry: DirectoryEntry; departementNames: ReadonlyMap<string, string>; isHighlighted: boolean }) {
  const technologies = BUSINESS_TECHNOLOGIES.filter((technology) => entry.technologies.includes(technology));
  const links = [
    entry.website ? { href: entry.website, label: "Site web" } : null,
    entry.offersUrl ? { href: entry.offersUrl, label: "Offres entreprises" } : null,
    entry.eligibilityUrl ? { href: entry.eligibilityUrl, label: "Test d'éligibilité" } : null,
  ].filter((link) => link !== null);
  return (
    <li id={`fiche-${entry.id}`} className={`space-y-3 rounded-lg border px-4 py-3 ${isHighlighted ? "border-brand-700 bg-brand-50" : "border-line"}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">
          {entry.name}
          {entry.isDemo ? (
            <span className="ml-2 rounded border border-amber-700 px-1.5 py-0.5 align-middle text-xs font-medium text-amber-900">démo</span>
          ) : null}
        </h3>
        <Link href={`/admin/operateurs/${entry.id}`} className="text-sm font-medium">
          Modifier<span className="sr-only"> la fiche {entry.name}</span>
        </Link>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Codes</dt>
        <dd className="font-mono">{entry.codes.length ? entry.codes.join(", ") : <span className="font-sans text-muted">aucun : cité par son nom seulement</span>}</dd>
        <dt className="font-medium">Offres pro vendues</dt>
        <dd>{technologies.length ? technologies.map((technology) => TECHNOLOGY_INFO[technology].name).join(", ") : <span className="text-muted">aucune</span>}</dd>
        <dt className="font-medium">Où</dt>
        <dd>{whereLabel(entry, departementNames)}</dd>
      </dl>
      {links.length ? (
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {links.map((link) => (
            <li key={link.label}>
              <ExternalLink href={link.href} label={link.label} owner={entry.name} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">Aucun lien : les pages publiques citent son nom sans lien.</p>
      )}
    </li>
  );
}

export function DirectoryEntries({
  entries,
  departementNames,
  highlightedId,
}: {
  entries: readonly DirectoryEntry[];
  departementNames: ReadonlyMap<string, string>;
  highlightedId?: string;
}) {
  if (entries.length === 0) return <p className="text-muted">L&apos;annuaire est vide : ajoutez un premier opérateur.</p>;
  return (
    <ul className="grid gap-3 lg:grid-cols-2">
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} departementNames={departementNames} isHighlighted={entry.id === highlightedId} />
      ))}
    </ul>
  );
}

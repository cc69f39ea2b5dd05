import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { SyncStatusTable } from "@/components/data-sync/sync-status-table";
import { ScrollBox } from "@/components/ui/scroll-box";
import { listSyncSources } from "@/lib/data/data-sync";
import { EXPORT_COLUMNS } from "@/lib/data/exports";
import { getSourceFreshness } from "@/lib/data/sources";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Données ouvertes et exports" };

const FORMAT_LABELS: Readonly<Record<string, string>> = {
  ban: "Base Adresse Nationale",
  bal: "Base Adresse Locale",
  ipe: "IPE (Interop'Fibre)",
  "arcep-immeubles": "Arcep Carte fibre",
  "arcep-mci": "Arcep Ma connexion internet",
  zones: "Zones d'activités (CNIG, IGN BD TOPO)",
  "arcep-operateurs": "Référentiel des opérateurs (Arcep)",
};

const field = "mt-1 rounded-md border-2 border-muted bg-white px-2 py-2 text-base";
const button = "rounded-md border-2 border-brand-700 px-3 py-2 font-semibold text-brand-700 hover:bg-brand-50";

function ExportForm({ name, label, hint, pattern, example }: { name: string; label: string; hint: string; pattern?: string; example: string }) {
  return (
    <form method="get" action="/api/v1/exports/availability.csv" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-sm font-medium">
        {label}
        <input name={name} required pattern={pattern} placeholder={example} aria-describedby={`${name}-hint`} className={field} />
      </label>
      <span id={`${name}-hint`} className="sr-only">
        {hint}
      </span>
      <button type="submit" className={button}>
        CSV
      </button>
      <button type="submit" formAction="/api/v1/exports/availability.geojson" className={button}>
        GeoJSON
      </button>
      <button type="submit" formAction="/api/v1/exports/metadata" className={button}>
        Métadonnées
      </button>
    </form>
  );
}

/** /donnees — the exports, what they hold, and how fresh each source is. */
export default async function DataPage() {
  const [sources, synced, zones] = await Promise.all([
    getSourceFreshness(),
    listSyncSources(),
    db.activityZone.findMany({ where: { archivedAt: null }, select: { id: true, name: true, communeName: true }, orderBy: { name: "asc" }, take: 200 }),
  ]);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">Données ouvertes et exports</h1>
        <p className="max-w-prose">
          La disponibilité de la fibre adresse par adresse, pour une commune, une intercommunalité ou une zone d&apos;activités, en
          CSV (séparateur point-virgule, UTF-8) ou en GeoJSON, sous <Link href="/licence">Licence Ouverte 2.0</Link>. Chaque export
          indique ses sources et leurs dates ; l&apos;<Link href="/api">API</Link> donne les mêmes informations à la demande.
        </p>
      </header>

      <section aria-labelledby="freshness-title" className="space-y-3">
        <h2 id="freshness-title" className="text-2xl font-bold">
          Sources et fraîcheur
        </h2>
        {sources.length === 0 ? (
          <p>Aucun fichier n&apos;a encore été chargé.</p>
        ) : (
          <ScrollBox label="Sources et fraîcheur (tableau défilant)">
            <table className="w-full border-collapse text-left text-sm sm:text-base">
              <caption className="sr-only">Dernier fichier chargé pour chaque source</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2 pr-3 font-medium">Source</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Format</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Date du fichier</th>
                  <th scope="col" className="py-2 font-medium">Chargé le</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((source) => (
                  <tr key={`${source.format}-${source.sourceName}`} className="border-b border-line">
                    <th scope="row" className="py-2 pr-3 font-normal">{source.sourceName}</th>
                    <td className="py-2 pr-3">{FORMAT_LABELS[source.format] ?? source.format}</td>
                    <td className="py-2 pr-3">{source.fileDate ? formatDate(source.fileDate) : "non datée"}</td>
                    <td className="py-2">{source.importedAt ? formatDate(source.importedAt) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>

      {synced.length > 0 && (
        <section aria-labelledby="sync-title" className="space-y-3">
          <h2 id="sync-title" className="text-2xl font-bold">
            Fichiers officiels suivis
          </h2>
          <p className="max-w-prose">
            Ces fichiers sont téléchargés régulièrement depuis leurs sites officiels ; un fichier n&apos;est importé de nouveau que
            s&apos;il a changé depuis le dernier chargement.
          </p>
          <SyncStatusTable rows={synced} />
        </section>
      )}

      <section aria-labelledby="exports-title" className="space-y-4">
        <h2 id="exports-title" className="text-2xl font-bold">
          Télécharger
        </h2>
        <ExportForm name="commune" label="Une commune (code INSEE)" hint="Cinq caractères, par exemple 01053" pattern="[0-9][0-9ABab][0-9]{3}" example="01053" />
        <ExportForm name="epci" label="Une intercommunalité (SIREN)" hint="Neuf chiffres" pattern="[0-9]{9}" example="200071751" />
        {zones.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">Les zones d&apos;activités</h3>
            <ul className="space-y-1">
              {zones.map((zone) => {
                const query = `zone=${encodeURIComponent(zone.id)}`;
                return (
                  <li key={zone.id}>
                    {zone.name}
                    {zone.communeName ? ` (${zone.communeName})` : ""} :{" "}
                    <a href={`/api/v1/exports/availability.csv?${query}`}>CSV<span className="sr-only"> de {zone.name}</span></a>,{" "}
                    <a href={`/api/v1/exports/availability.geojson?${query}`}>GeoJSON<span className="sr-only"> de {zone.name}</span></a>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="columns-title" className="space-y-3">
        <h2 id="columns-title" className="text-2xl font-bold">
          Colonnes du CSV
        </h2>
        <p>Une ligne par adresse ; pour chaque technologie, l&apos;information la plus récente, sa source et la date de celle-ci.</p>
        <ScrollBox label="Colonnes du CSV (tableau défilant)">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Colonnes de l&apos;export CSV</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pr-3 font-medium">Colonne</th>
                <th scope="col" className="py-1 font-medium">Contenu</th>
              </tr>
            </thead>
            <tbody>
              {EXPORT_COLUMNS.map((column) => (
                <tr key={column.name} className="border-b border-line">
                  <th scope="row" className="py-1 pr-3 font-normal"><code>{column.name}</code></th>
                  <td className="py-1">{column.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>
    </div>
  );
}

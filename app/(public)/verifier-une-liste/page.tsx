import type { Metadata } from "next";
import Link from "next/link";
import { BatchCheckForm } from "@/components/batch/batch-check-form";
import { BATCH_LIMITS } from "@/lib/batch/limits";
import { env } from "@/lib/env";
import { formatInteger, formatPeriod } from "@/lib/format";

export const metadata: Metadata = { title: "Vérifier une liste d'entreprises" };

const COLUMNS: readonly [string, string][] = [
  ["siret", "Le SIRET de l'établissement (14 chiffres, espaces permis). Seuls les établissements dont l'INSEE diffuse l'adresse sont trouvés."],
  ["adresse", "L'adresse en une colonne : « 12 rue de la République 01000 Bourg-en-Bresse »."],
  ["numero, voie", "Ou l'adresse en parties : numéro (« 12 », « 12 bis ») et nom de la voie…"],
  ["code_insee, ou code_postal et commune", "…avec la commune : son code INSEE, ou son code postal et son nom."],
];

export default function BatchCheckPage() {
  const maxMegabytes = BATCH_LIMITS.fileBytes / 1024 / 1024;
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">Vérifier une liste d&apos;entreprises</h1>
        <p>
          Pour chaque membre de votre liste, la fibre disponible ou prévue (FttH, FttH pro, FttE, FttO), avec sa source et sa date.
        </p>
      </div>

      <section aria-labelledby="upload-title" className="space-y-3">
        <h2 id="upload-title" className="text-2xl font-bold">
          Envoyer votre liste
        </h2>
        <p>
          Un fichier CSV avec une colonne <code>siret</code> ou <code>adresse</code> : <a href="#columns-title">les colonnes attendues</a>,{" "}
          <a href="/verifier-une-liste/exemple.csv" download>
            un fichier d&apos;exemple
          </a>
          .
        </p>
        <p>
          <strong>Votre fichier n&apos;est pas conservé.</strong> Il est effacé dès le résultat envoyé.
        </p>
        <BatchCheckForm maxMegabytes={maxMegabytes} maxLines={BATCH_LIMITS.lines} />
      </section>

      <section aria-labelledby="columns-title" className="space-y-3">
        <h2 id="columns-title" className="text-2xl font-bold">
          Les colonnes attendues
        </h2>
        <p>
          Une ligne d&apos;en-tête, puis une ligne par entreprise. Les colonnes sont reconnues par leur nom, majuscules et accents
          ignorés ; les autres colonnes sont gardées telles quelles.
        </p>
        <dl className="space-y-2">
          {COLUMNS.map(([name, description]) => (
            <div key={name}>
              <dt className="font-medium">
                <code>{name}</code>
              </dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
        <p>
          Le résultat reprend votre fichier, dans le même ordre et le même format, avec des colonnes en plus : comment la ligne a été
          trouvée (<code>fp_match</code> : siret, address ou none, et pourquoi dans <code>fp_reason</code>), l&apos;adresse et son
          lien, puis pour chaque technologie le niveau, l&apos;état, la date et la source. Une adresse n&apos;est jamais devinée : un
          numéro absent de la Base Adresse Nationale n&apos;est pas rattaché à un autre.
        </p>
        <p>
          <a href="/verifier-une-liste/exemple.csv" download>
            Télécharger le fichier d&apos;exemple (CSV)
          </a>
        </p>
      </section>

      <section aria-labelledby="api-title" className="space-y-2">
        <h2 id="api-title" className="text-2xl font-bold">
          Depuis vos outils
        </h2>
        <p>
          La même vérification existe dans l&apos;<Link href="/api#endpoint-checkEligibilityCsv">API ouverte</Link> :{" "}
          <code>POST /api/v1/eligibility/csv</code>.{" "}
          {env.API_BATCH_LINES === 0
            ? "Le nombre de lignes vérifiées n'est pas limité sur ce serveur."
            : `Chaque adresse IP peut faire vérifier ${formatInteger(env.API_BATCH_LINES)} lignes par période de ${formatPeriod(env.API_BATCH_WINDOW)} ; un fichier qui dépasse ce qu'il reste est refusé entier, sans rien décompter.`}
        </p>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { requestOrigin } from "@/lib/request-origin";
import Link from "next/link";
import { ScrollBox } from "@/components/ui/scroll-box";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { openApiDocument } from "@/lib/api/openapi";
import { problemAnchor, problemType } from "@/lib/api/problem";
import { env } from "@/lib/env";
import { formatInteger, formatPeriod } from "@/lib/format";
import type { ErrorCode } from "@/lib/errors";
import { BASES, LEVELS, LEVEL_LABELS, type Basis } from "@/lib/levels/levels";

const BASIS_DESCRIPTIONS: Record<Basis, string> = {
  SOURCE: "un fichier (IPE, Arcep) ou une publication de la collectivité l'indique, avec sa date (source).",
  DIRECTORY: "déduit de l'annuaire des opérateurs : FttH pro vendu par un opérateur présent à l'adresse, là où le FttH se commande.",
  GENERAL_RULE: "règle générale, sans source : la fibre dédiée (FttO) peut être construite presque partout, sur étude (devis).",
  NONE: "aucune source et aucune règle : rien n'est annoncé.",
};

export const metadata: Metadata = { title: "API ouverte — documentation" };

interface ParameterSchema {
  type?: string;
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  description?: string;
  properties?: Record<string, ParameterSchema>;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema?: ParameterSchema;
  $ref?: string;
}

/** What a client sends: a group's members (an exploded object parameter) are listed one by one. */
function sentParameters(parameters: Parameter[]): Parameter[] {
  return parameters.flatMap((parameter) => {
    if (parameter.$ref || parameter.in === "header") return [];
    const properties = parameter.schema?.properties;
    if (!properties) return [parameter];
    return Object.entries(properties).map(([name, schema]) => ({
      name,
      in: parameter.in,
      required: false,
      description: [schema.description, parameter.description].filter(Boolean).join(". "),
      schema,
    }));
  });
}

/** Every error code has its section: the problem types point at them (Record: none can be missing). */
const PROBLEMS: Readonly<Record<ErrorCode, string>> = {
  bad_request: "un paramètre est invalide, inconnu ou répété, ou un curseur n'est pas un des nôtres ; invalid_params nomme chaque paramètre.",
  unauthorized: "une connexion est nécessaire (espace collectivités seulement ; l'API ouverte n'en demande jamais).",
  forbidden: "l'accès est refusé (espace collectivités seulement).",
  not_found: "l'adresse, la zone, la commune ou le chemin demandé n'existe pas.",
  method_not_allowed: "la méthode n'est pas une de celles du chemin ; l'en-tête Allow les donne.",
  conflict: "l'élément existe déjà (espace collectivités seulement).",
  payload_too_large: "le contenu envoyé dépasse la taille permise.",
  rate_limited: "trop de requêtes : l'en-tête Retry-After dit dans combien de secondes réessayer.",
  internal: "une erreur interne ; rien de ses détails n'est renvoyé, réessayez.",
  unavailable: "la base de données ne répond pas.",
};

function typeOf(parameter: Parameter): string {
  const schema = parameter.schema ?? {};
  if (schema.enum) return schema.enum.join(" | ");
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` (${schema.minimum} à ${schema.maximum})` : "";
  return `${schema.type ?? "string"}${range}`;
}

/** /api — the API documentation for partners, rendered on the server from the OpenAPI document (no CDN, no script). */
export default async function ApiDocumentationPage() {
  const origin = await requestOrigin();
  const document = openApiDocument() as { paths: Record<string, Record<string, { parameters: Parameter[] }>> };
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">API ouverte</h1>
        <p className="max-w-prose">
          Toutes les informations de Fibre Pro sont disponibles en JSON, sans clé : éligibilité des adresses, zones d&apos;activités,
          couverture des communes, avec la source et la date de chaque information. Données sous{" "}
          <Link href="/licence">Licence Ouverte 2.0</Link>.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Description OpenAPI 3.1 : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (à importer dans votre outil favori).
          </li>
          <li>
            Réponses JSON en UTF-8 (<code>application/json; charset=utf-8</code>), dates ISO 8601 ; erreurs au format RFC 9457
            (application/problem+json) avec un message en français (voir <a href="#errors-title">Erreurs</a>). Un paramètre inconnu de la
            recherche, ou répété, est refusé ; les curseurs de pagination sont opaques : repassez <code>nextCursor</code> tel quel.
          </li>
          <li>Appelable depuis un navigateur sur n&apos;importe quel site (CORS ouvert), réponses avec ETag (renvoyez-le dans If-None-Match).</li>
          <li>
            Limite : {env.API_RATE_LIMIT === 0 ? "aucune sur ce serveur" : `${env.API_RATE_LIMIT} requêtes par ${env.API_RATE_LIMIT_WINDOW} secondes et par adresse IP`} ;
            au-delà, réponse 429 avec l&apos;en-tête Retry-After. La vérification d&apos;une liste compte pour une requête, et ses
            lignes dans un budget à part :{" "}
            {env.API_BATCH_LINES === 0 ? "sans limite sur ce serveur" : `${formatInteger(env.API_BATCH_LINES)} lignes par ${formatPeriod(env.API_BATCH_WINDOW)}`}{" "}
            (en-têtes Batch-Lines-Limit, -Remaining, -Reset).
          </li>
        </ul>
      </header>

      <section aria-labelledby="levels-title" className="space-y-3">
        <h2 id="levels-title" className="text-2xl font-bold">
          Niveaux et bases
        </h2>
        <p className="max-w-prose">
          Chaque technologie d&apos;une adresse porte d&apos;abord un niveau en clair (<code>level</code>), puis l&apos;état détaillé de sa source
          (<code>status</code>). Le champ <code>basis</code> dit sur quoi repose le niveau : une règle générale n&apos;est jamais présentée comme un fait.
        </p>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {LEVELS.map((level) => (
            <div key={level} className="contents">
              <dt>
                <code>{level}</code>
              </dt>
              <dd>{LEVEL_LABELS[level]}</dd>
            </div>
          ))}
          {BASES.map((basis) => (
            <div key={basis} className="contents">
              <dt>
                <code>{basis}</code>
              </dt>
              <dd>{BASIS_DESCRIPTIONS[basis]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="endpoints-title" className="space-y-6">
        <h2 id="endpoints-title" className="text-2xl font-bold">
          Points d&apos;accès
        </h2>
        {API_ENDPOINTS.map((endpoint) => {
          const method = endpoint.method ?? "get";
          const parameters = sentParameters(document.paths[endpoint.path]?.[method]?.parameters ?? []);
          return (
            <article key={endpoint.path} aria-labelledby={`endpoint-${endpoint.operationId}`} className="space-y-3 rounded-lg border border-line p-4">
              <h3 id={`endpoint-${endpoint.operationId}`} className="text-lg font-bold [overflow-wrap:anywhere]">
                <code>
                  {method.toUpperCase()} {endpoint.path}
                </code>
              </h3>
              <p className="font-medium">{endpoint.summary}</p>
              <p>{endpoint.description}</p>
              {parameters.length > 0 && (
                <ScrollBox label={`Paramètres de ${endpoint.path} (tableau défilant)`}>
                  <table className="w-full border-collapse text-left text-sm">
                    <caption className="sr-only">Paramètres de {endpoint.path}</caption>
                    <thead>
                      <tr className="border-b border-line">
                        <th scope="col" className="py-1 pr-3 font-medium">Paramètre</th>
                        <th scope="col" className="py-1 pr-3 font-medium">Type</th>
                        <th scope="col" className="py-1 font-medium">Description</th>
                      </tr>
                    </thead>
                    <tbody>
                      {parameters.map((parameter) => (
                        <tr key={parameter.name} className="border-b border-line align-top">
                          <th scope="row" className="py-1 pr-3 font-normal">
                            <code>{parameter.name}</code>
                            {parameter.required ? " (obligatoire)" : ""}
                          </th>
                          <td className="py-1 pr-3">
                            <code>{typeOf(parameter)}</code>
                          </td>
                          <td className="py-1">
                            {parameter.description ?? ""}
                            {parameter.schema?.default !== undefined ? ` Par défaut : ${String(parameter.schema.default)}.` : ""}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
              )}
              {method === "get" ? (
                <>
                  <p className="text-sm [overflow-wrap:anywhere]">
                    Exemple : <a href={endpoint.example}>{endpoint.example}</a>
                  </p>
                  <ScrollBox label={`Exemple de code pour ${endpoint.path} (défilant)`}>
                    <pre className="w-max min-w-full rounded-md bg-brand-50 p-3 text-sm">
                      <code>{`const response = await fetch("${origin}${endpoint.example}");
if (!response.ok) throw new Error((await response.json()).detail);
const data = await response.json();`}</code>
                    </pre>
                  </ScrollBox>
                </>
              ) : (
                <>
                  <p className="text-sm">
                    Sans programmer : <a href="/verifier-une-liste">vérifier une liste depuis le site</a>.
                  </p>
                  <ScrollBox label={`Exemple de commande pour ${endpoint.path} (défilant)`}>
                    <pre className="w-max min-w-full rounded-md bg-brand-50 p-3 text-sm">
                      <code>{`curl -F data=@membres.csv -o membres-fibre-pro.csv ${origin}${endpoint.example}`}</code>
                    </pre>
                  </ScrollBox>
                </>
              )}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="errors-title" className="space-y-3">
        <h2 id="errors-title" className="text-2xl font-bold">
          Erreurs
        </h2>
        <p className="max-w-prose">
          Chaque erreur est un objet RFC 9457 (<code>application/problem+json</code>) dont le champ <code>type</code> renvoie à l&apos;une de ces
          sections ; <code>detail</code> l&apos;explique en français. Un chemin inconnu sous <code>/api/v1</code> répond 404 de la même façon.
        </p>
        <dl className="space-y-2">
          {(Object.entries(PROBLEMS) as [ErrorCode, string][]).map(([code, when]) => (
            <div key={code} id={problemAnchor(code)} className="scroll-mt-4">
              <dt>
                <code>{problemType(code)}</code>
              </dt>
              <dd className="pl-4">{when}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="links-title" className="space-y-3">
        <h2 id="links-title" className="text-2xl font-bold">
          Liens vers les pages
        </h2>
        <p>Ces adresses sont stables : vous pouvez y renvoyer vos membres ou vos usagers.</p>
        <ul className="list-disc space-y-1 pl-6">
          <li><code>/recherche?q=…</code> — les résultats d&apos;une recherche (adresse, zone, commune ou entreprise)</li>
          <li><code>/etablissement/{"{siret}"}</code> — un établissement (SIRET) : sa page d&apos;adresse, ou sa commune quand son adresse n&apos;est pas rapprochée</li>
          <li><code>/adresse/{"{banId}"}</code> — l&apos;éligibilité d&apos;une adresse (identifiant de la Base Adresse Nationale)</li>
          <li><code>/zone/{"{id}"}</code> — une zone d&apos;activités (identifiant CNIG site_id)</li>
          <li><code>/commune/{"{insee}"}</code> — une commune (code INSEE)</li>
          <li><code>/carte?lat=…&amp;lon=…&amp;z=…</code> — la carte sur une vue</li>
        </ul>
      </section>
    </div>
  );
}

/**
 * The OpenAPI 3.1 document of the public API, generated from the endpoint list and the zod
 * schemas the routes use (JSON Schema 2020-12, which OpenAPI 3.1 speaks). The constraints the
 * routes enforce live in those schemas (enums, patterns, bounds) or in the endpoint's query groups
 * (exactly one territory, lat and lon together), so a request the document calls valid is one the
 * route accepts. Headers (ETag, RateLimit-*, Retry-After) and 304 are described once here.
 */
import { z } from "zod";
import { API_ENDPOINTS, API_TAGS, type ApiEndpoint, type QueryGroup } from "@/lib/api/endpoints";
import { ZProblem } from "@/lib/api/schemas";
import { env } from "@/lib/env";
import { APP_VERSION } from "@/lib/version";

type JsonObject = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "Paramètres invalides (invalid_params les nomme)",
  404: "Introuvable",
  413: "Trop volumineux (taille, lignes, longueur de ligne ou colonnes)",
  429: "Trop de requêtes (Retry-After dit dans combien de secondes réessayer)",
  500: "Erreur interne",
  503: "Base de données indisponible",
};

const header = (description: string, schema: JsonObject) => ({ description, schema });
const HEADERS: Readonly<Record<string, JsonObject>> = {
  ETag: header("Étiquette de la réponse : renvoyez-la dans If-None-Match pour recevoir 304 si rien n'a changé", { type: "string" }),
  "RateLimit-Limit": header("Requêtes permises par période", { type: "integer", minimum: 0 }),
  "RateLimit-Remaining": header("Requêtes restantes dans la période", { type: "integer", minimum: 0 }),
  "RateLimit-Reset": header("Secondes avant la fin de la période", { type: "integer", minimum: 0 }),
  "Retry-After": header("Secondes à attendre avant de réessayer", { type: "integer", minimum: 0 }),
  "Batch-Lines-Limit": header("Lignes qu'un client peut faire vérifier par période (API_BATCH_LINES)", { type: "integer", minimum: 0 }),
  "Batch-Lines-Remaining": header("Lignes qu'il reste à faire vérifier dans la période", { type: "integer", minimum: 0 }),
  "Batch-Lines-Reset": header("Secondes avant la fin de la période des lignes", { type: "integer", minimum: 0 }),
};
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];

/** Without the keys a standalone JSON Schema carries but a component must not. */
function withoutDialect(schema: JsonObject): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/**
 * Tuples: zod writes `items: false` beside prefixItems; the same tuple reads `items: {}` here
 * (maxItems already forbids more), which the oas linters accept as an array's items.
 */
function withTupleItems<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withTupleItems) as T;
  if (value === null || typeof value !== "object") return value;
  const object = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withTupleItems(child)])) as JsonObject;
  if (Array.isArray(object.prefixItems) && object.items === false && object.maxItems === object.prefixItems.length) object.items = {};
  return object as T;
}

const fieldSchema = (field: z.ZodType) => withoutDialect(z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as JsonObject);
const isRequired = (field: z.ZodType) => !field.safeParse(undefined).success;

/** One query parameter per field, but the fields of a group form one exploded object parameter. */
function queryParameters(query: z.ZodObject, groups: readonly QueryGroup[]): JsonObject[] {
  const grouped = new Set(groups.flatMap((group) => group.members));
  const single = Object.entries(query.shape)
    .filter(([name]) => !grouped.has(name))
    .map(([name, field]) => {
      const schema = fieldSchema(field as z.ZodType);
      return {
        name,
        in: "query",
        required: isRequired(field as z.ZodType),
        schema,
        ...(typeof schema.description === "string" ? { description: schema.description } : {}),
      };
    });
  return [...single, ...groups.map((group) => groupParameter(query, group))];
}

function groupParameter(query: z.ZodObject, group: QueryGroup): JsonObject {
  const properties = Object.fromEntries(group.members.map((name) => [name, fieldSchema(query.shape[name] as z.ZodType)]));
  const rule =
    group.rule === "exactlyOne"
      ? { oneOf: group.members.map((name) => ({ required: [name] })) }
      : group.rule === "atLeastOne"
        ? { anyOf: group.members.map((name) => ({ required: [name] })) }
        : { dependentRequired: Object.fromEntries(group.members.map((name) => [name, group.members.filter((other) => other !== name)])) };
  return {
    name: group.name,
    in: "query",
    description: group.description,
    required: group.rule !== "allOrNone",
    style: "form",
    explode: true,
    schema: { type: "object", properties, additionalProperties: false, ...rule },
  };
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });


/** A reference to the schema's component when it has an id (.meta({ id })), else the schema itself. */
function schemaOf(schema: z.ZodType): JsonObject {
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  return id ? ref(id) : withoutDialect(z.toJSONSchema(schema, { io: "input" }) as JsonObject);
}

function operation(endpoint: ApiEndpoint): JsonObject {
  const responseId = (endpoint.response.meta() as { id?: string } | undefined)?.id;
  const contentType = endpoint.contentType ?? "application/json";
  const isPublicApi = endpoint.path.startsWith("/api/v1/");
  // Whole JSON answers to GET carry an ETag and answer 304 to If-None-Match (lib/api/handler.ts).
  const hasEtag = contentType === "application/json" && (endpoint.method ?? "get") === "get";
  const limitHeaders = isPublicApi ? [...RATE_LIMIT_HEADERS, ...(endpoint.budgetHeaders ?? [])] : [];
  const headersOf = (names: string[]) => (names.length ? { headers: Object.fromEntries(names.map((name) => [name, headerRef(name)])) } : {});
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: `${endpoint.description}\n\nExemple : \`${(endpoint.method ?? "get").toUpperCase()} ${endpoint.example}\``,
    parameters: [
      ...Object.entries(endpoint.pathParams ?? {}).map(([name, param]) => ({
        name,
        in: "path",
        required: true,
        description: param.description,
        schema: param.schema ?? { type: "string", minLength: 1 },
        example: param.example,
      })),
      ...(endpoint.query ? queryParameters(endpoint.query, endpoint.queryGroups ?? []) : []),
      ...(hasEtag ? [{ $ref: "#/components/parameters/IfNoneMatch" }] : []),
    ],
    ...(endpoint.requestBody
      ? {
          requestBody: {
            required: true,
            description: endpoint.requestBody.description,
            content: { [endpoint.requestBody.contentType]: { schema: schemaOf(endpoint.requestBody.schema) } },
          },
        }
      : {}),
    responses: {
      "200": {
        description: "OK",
        ...headersOf([...(hasEtag ? ["ETag"] : []), ...limitHeaders]),
        content: Object.fromEntries(
          [contentType].flat().map((type) => [type, { schema: responseId ? ref(responseId) : fieldSchema(endpoint.response) }]),
        ),
      },
      ...(hasEtag ? { "304": { description: "Non modifié : l'ETag envoyé dans If-None-Match est toujours celui de la réponse", ...headersOf(["ETag", ...limitHeaders]) } } : {}),
      ...Object.fromEntries(
        (endpoint.alsoAnswers ?? []).map((answer) => [
          String(answer.status),
          { description: answer.description, content: { "application/json": { schema: responseId ? ref(responseId) : {} } } },
        ]),
      ),
      ...Object.fromEntries(
        [...endpoint.errors, ...(isPublicApi ? [429] : []), 500].map((status) => [
          String(status),
          {
            description: ERROR_DESCRIPTIONS[status] ?? "Erreur",
            ...headersOf(status === 429 ? ["Retry-After", ...limitHeaders] : limitHeaders),
            content: { "application/problem+json": { schema: ref("Problem") } },
          },
        ]),
      ),
    },
  };
}

let built: JsonObject | undefined;

/** The document, built once per process (it only depends on the code). */
export function openApiDocument(): JsonObject {
  return (built ??= buildDocument());
}

function buildDocument(): JsonObject {
  // Every schema with an id (.meta({ id })) becomes a component, referenced by the others.
  void ZProblem;
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  }) as { schemas: Record<string, JsonObject> };
  const paths: Record<string, JsonObject> = {};
  for (const endpoint of API_ENDPOINTS) paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method ?? "get"]: operation(endpoint) };
  return withTupleItems({
    openapi: "3.1.0",
    info: {
      title: "Fibre Pro — API ouverte",
      version: APP_VERSION,
      description:
        "La fibre des entreprises adresse par adresse : éligibilité, zones d'activités, couverture des communes, avec la source et la date de chaque information. Réponses JSON (application/json; charset=utf-8), dates ISO 8601, erreurs RFC 9457 (application/problem+json) en français, dont le type renvoie à une section de la page /api. Sans clé ni authentification ; CORS ouvert. Un paramètre inconnu de la recherche ou répété est refusé (400) ; une autre méthode que celles d'un chemin reçoit 405 avec l'en-tête Allow ; un chemin inconnu sous /api/v1, 404. Les curseurs de pagination sont opaques : repassez nextCursor tel quel. Licence des données : Licence Ouverte 2.0.",
      contact: { name: "Fibre Pro — équipe du portail", email: env.CONTACT_EMAIL },
      license: { name: "Licence Ouverte 2.0 (données)", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" },
    },
    servers: [{ url: "/", description: "Le serveur qui sert ce document" }],
    security: [],
    tags: API_TAGS.map((tag) => ({ name: tag.name, description: tag.description })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)])),
      headers: HEADERS,
      parameters: {
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "L'ETag d'une réponse déjà reçue : 304 sans corps si elle n'a pas changé",
          schema: { type: "string" },
        },
      },
    },
  });
}

/**
 * The OpenAPI 3.1 document of the public API, generated from the endpoint list and the zod
 * schemas the routes use (JSON Schema 2020-12, which OpenAPI 3.1 speaks).
 */
import { z } from "zod";
import { API_ENDPOINTS, type ApiEndpoint } from "@/lib/api/endpoints";
import { ZProblem } from "@/lib/api/schemas";
import { APP_VERSION } from "@/lib/version";

type JsonObject = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "Paramètres invalides (invalid_params les nomme)",
  404: "Introuvable",
  413: "Trop volumineux (taille, lignes, longueur de ligne ou colonnes)",
  429: "Trop de requêtes",
  500: "Erreur interne",
  503: "Base de données indisponible",
};

/** Without the keys a standalone JSON Schema carries but a component must not. */
function withoutDialect(schema: JsonObject): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function queryParameters(query: z.ZodObject): JsonObject[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = withoutDialect(z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonObject);
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema,
      ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A reference to the schema's component when it has an id (.meta({ id })), else the schema itself. */
function schemaOf(schema: z.ZodType): JsonObject {
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  return id ? ref(id) : withoutDialect(z.toJSONSchema(schema, { io: "input" }) as JsonObject);
}

function operation(endpoint: ApiEndpoint): JsonObject {
  const responseId = (endpoint.response.meta() as { id?: string } | undefined)?.id;
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
        schema: { type: "string" },
        example: param.example,
      })),
      ...(endpoint.query ? queryParameters(endpoint.query) : []),
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
        content: Object.fromEntries(
          [endpoint.contentType ?? "application/json"].flat().map((type) => [type, { schema: responseId ? ref(responseId) : z.toJSONSchema(endpoint.response) }]),
        ),
      },
      ...Object.fromEntries(
        (endpoint.alsoAnswers ?? []).map((answer) => [
          String(answer.status),
          { description: answer.description, content: { "application/json": { schema: responseId ? ref(responseId) : {} } } },
        ]),
      ),
      ...Object.fromEntries(
        [...endpoint.errors, ...(endpoint.path.startsWith("/api/v1/") ? [429] : []), 500].map((status) => [
          String(status),
          { description: ERROR_DESCRIPTIONS[status] ?? "Erreur", content: { "application/problem+json": { schema: ref("Problem") } } },
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
  return {
    openapi: "3.1.0",
    info: {
      title: "Fibre Pro — API ouverte",
      version: APP_VERSION,
      description:
        "La fibre des entreprises adresse par adresse : éligibilité, zones d'activités, couverture des communes, avec la source et la date de chaque information. Réponses JSON, dates ISO 8601, erreurs RFC 9457 (application/problem+json) en français. Licence des données : Licence Ouverte 2.0.",
      license: { name: "Licence Ouverte 2.0 (données)", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" },
    },
    servers: [{ url: "/" }],
    paths: Object.fromEntries(API_ENDPOINTS.map((endpoint) => [endpoint.path, { [endpoint.method ?? "get"]: operation(endpoint) }])),
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)])) },
  };
}

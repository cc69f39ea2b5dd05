/**
 * Tests check every API answer against the OpenAPI document the API serves: the status is one the
 * document lists for the operation, and the body matches its schema (JSON Schema 2020-12, ajv).
 */
import Ajv2020 from "ajv/dist/2020";
import { expect } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { openApiDocument } from "@/lib/api/openapi";

const DOCUMENT_ID = "https://fibre-pro.test/openapi.json";
type Operation = { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
const document = openApiDocument() as { paths: Record<string, Record<"get" | "post", Operation>> };
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

/** The answer's status and body agree with the document's operation for this path template. */
export async function expectMatchesOpenApi(response: Response, pathTemplate: string): Promise<void> {
  const endpoint = API_ENDPOINTS.find((candidate) => candidate.path === pathTemplate);
  expect(endpoint, `no documented endpoint ${pathTemplate}`).toBeDefined();
  const documented = document.paths[pathTemplate]![endpoint?.method ?? "get"].responses[String(response.status)];
  expect(documented, `${pathTemplate} does not document status ${response.status}`).toBeDefined();
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!;
  const content = documented!.content[contentType];
  expect(content, `${pathTemplate} ${response.status}: undocumented content type ${contentType}`).toBeDefined();
  if (!contentType.includes("json")) return;
  const validate = ajv.getSchema(`${DOCUMENT_ID}${content!.schema.$ref}`)!;
  const body: unknown = await response.clone().json();
  const isValid = validate(body);
  expect(validate.errors ?? [], `${pathTemplate} ${response.status} does not match the OpenAPI document`).toEqual([]);
  expect(isValid).toBe(true);
}

/** The answer, once checked against the document: `await validated(GET(request, context), "/api/v1/…")`. */
export async function validated(answer: Promise<Response>, pathTemplate: string): Promise<Response> {
  const response = await answer;
  await expectMatchesOpenApi(response, pathTemplate);
  return response;
}

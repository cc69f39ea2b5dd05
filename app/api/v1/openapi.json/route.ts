/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of the public API, generated from its zod schemas. */
import { withApi } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = withApi({}, async () => Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=3600" } }));

/**
 * Which methods each public API path answers, from the endpoint list: the CORS preflight
 * (proxy.ts) allows them, any other method gets 405 problem+json with `Allow`.
 */
import { API_ENDPOINTS, type ApiEndpoint } from "@/lib/api/endpoints";

/** "/api/v1/zones/{id}/addresses" → a pattern where each {param} is one path segment. */
function pattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\{[^}]+\}/g, "[^/]+")}$`);
}

/** The document itself is served under /api/v1 too, without describing itself. */
const UNDOCUMENTED: { path: string }[] = [{ path: "/api/v1/openapi.json" }];

const ROUTES = [...API_ENDPOINTS, ...UNDOCUMENTED].map((endpoint) => ({ pattern: pattern(endpoint.path), endpoint }));

/** The method an endpoint is called with (GET unless it says otherwise). */
export function endpointMethod(endpoint: Pick<ApiEndpoint, "path"> & { method?: string }): "GET" | "POST" {
  return endpoint.method === "post" ? "POST" : "GET";
}

/**
 * The methods this path answers ("GET, HEAD, OPTIONS"), or null when the endpoint list does not
 * describe it (an unknown path, or a route outside the documented API).
 */
export function allowedMethods(pathname: string): string[] | null {
  const methods = new Set<string>();
  for (const route of ROUTES) {
    if (!route.pattern.test(pathname)) continue;
    const method = endpointMethod(route.endpoint);
    methods.add(method);
    if (method === "GET") methods.add("HEAD");
  }
  if (methods.size === 0) return null;
  return [...["GET", "HEAD", "POST"].filter((method) => methods.has(method)), "OPTIONS"];
}

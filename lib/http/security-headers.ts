/**
 * The Content-Security-Policy and Strict-Transport-Security of the pages (set by proxy.ts, per
 * request: the script nonce is new each time and the tile server is read from the environment).
 *
 * - scripts: only those carrying the request's nonce (Next.js puts it on its own scripts, read
 *   from this header) and what they load ('strict-dynamic': the chunks of Leaflet and Geoman);
 * - styles: this site's style sheets and inline style attributes (React renders some: status
 *   dots, the widget's accent colour); styles cannot run code;
 * - images: this site, data:/blob: (Leaflet, Geoman icons), and the map tiles' origin;
 * - frames: no other site may frame a page, except /embed, made for partners' sites.
 */
export interface PolicyOptions {
  nonce: string;
  /** MAP_TILE_URL, a {z}/{x}/{y} template. */
  tileUrl: string;
  isEmbeddable: boolean;
  isHttps: boolean;
  isDevelopment?: boolean;
}

/** The origin tiles come from ("https://*.tile.example.org" when the host has a {s} subdomain placeholder), or null. */
export function tileOrigin(template: string): string | null {
  try {
    const url = new URL(template.replace(/\{s\}/g, "subdomain").replace(/\{[a-z]+\}/gi, "0"));
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return `${url.protocol}//${url.host.replace(/^subdomain\./, "*.")}`;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(options: PolicyOptions): string {
  const tiles = tileOrigin(options.tileUrl);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.isEmbeddable ? "*" : "'none'"}`,
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Strict-Transport-Security for an HTTPS answer when HSTS_MAX_AGE > 0 (never over plain HTTP). */
export function strictTransportSecurity(maxAgeSeconds: number, isHttps: boolean): string | null {
  return maxAgeSeconds > 0 && isHttps ? `max-age=${maxAgeSeconds}` : null;
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

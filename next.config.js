// @ts-check

/** Baseline security headers for every response. */
const commonHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)" },
];

/**
 * No other site may frame the portal, except the widget (/embed), made to be put in an iframe by
 * chambers of commerce. The Content-Security-Policy (frame-ancestors included) is set per request
 * by proxy.ts, with its script nonce.
 */
const antiFraming = [{ key: "X-Frame-Options", value: "DENY" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden(): admin pages answer 403 with app/forbidden.tsx when the actor may not see them.
  experimental: {
    authInterrupts: true,
    // The zone form carries up to 2 MB of GeoJSON (lib/geo/outline-limits.ts); proxy.ts answers 413
    // in French past this (lib/http/body-limits.ts ACTION_BODY_MAX_BYTES, the same).
    serverActions: { bodySizeLimit: "3mb" },
  },
  // `npm test` type-checks the whole project (tests included) before it builds: the build's own pass over
  // the same files would only repeat it. Any other build checks types.
  typescript: { ignoreBuildErrors: process.env.BUILD_TYPECHECKED === "1" },
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: commonHeaders },
      { source: "/", headers: antiFraming },
      // Every path but /embed (and /embed/…).
      { source: "/:path((?!embed$|embed/).*)", headers: antiFraming },
    ];
  },
};

module.exports = nextConfig;

// @ts-check

/** Baseline security headers for every response. */
const commonHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)" },
];

/** No other site may frame the portal… */
const antiFraming = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
];

/** …except the widget, made to be put in an iframe by chambers of commerce. */
const embeddable = [{ key: "Content-Security-Policy", value: "frame-ancestors *" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden(): admin pages answer 403 with app/forbidden.tsx when the actor may not see them.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: commonHeaders },
      { source: "/", headers: antiFraming },
      // Every path but /embed (and /embed/…).
      { source: "/:path((?!embed$|embed/).*)", headers: antiFraming },
      { source: "/embed", headers: embeddable },
      { source: "/embed/:path*", headers: embeddable },
    ];
  },
};

module.exports = nextConfig;

import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "prisma/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "e2e/.artifacts/**",
      "data/**",
    ],
  },
  {
    // CommonJS files (the SQLite thread of the importers) load their modules with require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only lib/db/client.ts constructs a Prisma client (lib/db/sqlite-adapter.ts its SQLite adapter).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/db/client.ts", "lib/db/sqlite-adapter.ts", "prisma/**", "scripts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/prisma/generated/*/client", "@prisma/adapter-*"],
              message: "Use the one client from lib/db/client.ts.",
            },
          ],
        },
      ],
    },
  },
];

export default config;

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The Prisma CLI downloads native engines unless these variables name existing files. We run
 * the WebAssembly schema engine and driver adapters, so empty placeholders do. The schema's
 * `url = env("DATABASE_URL")` must also resolve (P1012) to a URL of the schema's provider.
 */
export function offlineEngines(defaultDatabaseUrl: string): void {
  const placeholder = path.join(os.tmpdir(), "fibre-pro-prisma-no-native-engine");
  if (!fs.existsSync(placeholder)) fs.writeFileSync(placeholder, "");
  process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
  process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
  const url = process.env.DATABASE_URL ?? "";
  const isPostgresUrl = /^postgres(ql)?:\/\//.test(url);
  const wantsPostgres = /^postgres/.test(defaultDatabaseUrl);
  if (!url || isPostgresUrl !== wantsPostgres) process.env.DATABASE_URL = defaultDatabaseUrl;
}

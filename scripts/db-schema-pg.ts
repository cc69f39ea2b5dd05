/**
 * Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the one edited by hand).
 * `--check` exits 1 when the committed PostgreSQL schema is not what the SQLite one gives.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const sourcePath = path.join(root, "prisma", "schema.prisma");
const targetPath = path.join(root, "prisma", "postgres", "schema.prisma");

export function toPostgresSchema(sqliteSchema: string): string {
  const header =
    "// GENERATED from prisma/schema.prisma by `npm run db:schema:pg` — do not edit by hand.\n\n";
  const body = sqliteSchema
    .replace(/^\/\/ Fibre Pro data model[\s\S]*?\n\n/, "")
    .replace(/provider(\s*)= "sqlite"/, 'provider$1= "postgresql"')
    .replace(/output(\s*)= "generated\/sqlite"/, 'output$1= "../generated/postgres"');
  if (!body.includes('"postgresql"') || !body.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma: datasource provider or generator output not found");
  }
  return header + body;
}

const expected = toPostgresSchema(fs.readFileSync(sourcePath, "utf8"));
if (process.argv.includes("--check")) {
  const actual = fs.existsSync(targetPath) ? fs.readFileSync(targetPath, "utf8") : "";
  if (actual !== expected) {
    console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:schema:pg`.");
    process.exit(1);
  }
  console.log("prisma/postgres/schema.prisma agrees with prisma/schema.prisma.");
} else {
  fs.mkdirSync(path.dirname(targetPath), { recursive: true });
  fs.writeFileSync(targetPath, expected);
  console.log(`wrote ${path.relative(root, targetPath)}`);
}

/**
 * Imported first by command-line scripts: they read .env like Next.js does (variables already
 * set in the environment win).
 */
import fs from "node:fs";
import path from "node:path";

export function loadEnvFile(root: string = process.cwd()): void {
  const file = path.join(root, ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

loadEnvFile();

/** Which database a DATABASE_URL names; the provider is chosen at run time from the URL. */
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;
const SQLITE_URL = /^file:/i;

export function isSupportedDatabaseUrl(url: string): boolean {
  return POSTGRES_URL.test(url) || (SQLITE_URL.test(url) && url.length > "file:".length);
}

export function databaseProvider(url: string): DatabaseProvider {
  if (POSTGRES_URL.test(url)) return "postgresql";
  if (SQLITE_URL.test(url)) return "sqlite";
  throw new Error(`Unsupported DATABASE_URL: it must start with file: or postgresql://`);
}

/** Absolute path of a `file:` URL; relative paths resolve from the working directory. */
export function sqliteFilePath(url: string, cwd: string = process.cwd()): string {
  const withoutScheme = url.replace(SQLITE_URL, "").replace(/\?.*$/, "");
  return path.resolve(cwd, withoutScheme);
}

/** A URL safe to print: no password. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

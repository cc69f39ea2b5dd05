/**
 * Admin test data, built by each test for itself through the real command lines (org:create,
 * user:create) against the database of the server under test: `createOrganisation()` and
 * `createUser()` give uniquely named organisations and accounts; `signIn()` logs a page in
 * through next-auth's own endpoints (CSRF token, then the credentials callback).
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { test as base, expect, expectNoAxeViolations, screenshots } from "./fixtures";
import { serverNamed, type E2eServer } from "./servers";

export const E2E_PASSWORD = "e2e-Password-2026!";

export interface TestOrganisation {
  id: string;
  name: string;
}

export interface TestUser {
  email: string;
  password: string;
}

interface AdminFixtures {
  server: E2eServer;
  createOrganisation: (options: { name?: string; communes: string[] }) => TestOrganisation;
  createUser: (options: { role: "admin" | "org_admin" | "editor"; organisation?: TestOrganisation; password?: string }) => TestUser;
  signIn: (page: Page, user: TestUser) => Promise<void>;
}

function cli(server: E2eServer, script: string, args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl },
    encoding: "utf8",
  }).trim();
}

export const uniqueSuffix = () => crypto.randomBytes(4).toString("hex");

export const test = base.extend<AdminFixtures>({
  server: async ({}, provide, testInfo) => {
    await provide(serverNamed(testInfo.project.name));
  },
  createOrganisation: async ({ server }, provide) => {
    await provide(({ name, communes }) => {
      const fullName = `${name ?? "Collectivité de test"} ${uniqueSuffix()}`;
      const id = cli(server, "scripts/org-create.ts", ["--name", fullName, "--kind", "collectivite", "--communes", communes.join(",")]);
      return { id: id.split("\n").pop()!, name: fullName };
    });
  },
  createUser: async ({ server }, provide) => {
    await provide(({ role, organisation, password = E2E_PASSWORD }) => {
      const email = `${role.replace("_", "-")}-${uniqueSuffix()}@e2e.fibre-pro.test`;
      cli(server, "scripts/user-create.ts", [
        "--email", email, "--password", password, "--role", role, ...(organisation ? ["--org", organisation.id] : []),
      ]);
      return { email, password };
    });
  },
  signIn: async ({}, provide) => {
    await provide(async (page, user) => {
      const csrf = await page.request.get("/api/auth/csrf");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await page.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: user.email, password: user.password, json: "true" },
      });
      expect(response.ok()).toBe(true);
      const session = await (await page.request.get("/api/auth/session")).json();
      expect(session?.user?.email, `signed in as ${user.email}`).toBe(user.email);
    });
  },
});

export { expect, expectNoAxeViolations, screenshots };

/**
 * Admin test data, built by each test for itself with the library calls of org:create and
 * user:create, made by one long-lived process per worker (e2e/fixture-worker.ts) against the
 * database of the server under test: `createOrganisation()` and `createUser()` give uniquely
 * named organisations and accounts; `signIn()` logs a page in through next-auth's own endpoints
 * (CSRF token, then the credentials callback).
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import readline from "node:readline";
import type { Page } from "@playwright/test";
import { test as base, expect, expectNoAxeViolations } from "./fixtures";
import type { FixtureAnswer, FixtureRequest } from "./fixture-worker";
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
  createOrganisation: (options: { name?: string; communes: string[] }) => Promise<TestOrganisation>;
  createUser: (options: { role: "admin" | "org_admin" | "editor"; organisation?: TestOrganisation; password?: string }) => Promise<TestUser>;
  signIn: (page: Page, user: TestUser) => Promise<void>;
}

type Make = (request: DistributiveOmit<FixtureRequest, "id">) => Promise<string>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

interface WorkerFixtures {
  make: Make;
}

const ROLES = { admin: "ADMIN", org_admin: "ORG_ADMIN", editor: "EDITOR" } as const;

export const uniqueSuffix = () => crypto.randomBytes(4).toString("hex");

export const test = base.extend<AdminFixtures, WorkerFixtures>({
  make: [
    async ({}, provide, workerInfo) => {
      const server = serverNamed(workerInfo.project.name);
      const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "e2e/fixture-worker.ts"], {
        env: { ...process.env, DATABASE_URL: server.databaseUrl },
        stdio: ["pipe", "pipe", "inherit"],
      });
      const pending = new Map<number, { resolve: (result: string) => void; reject: (error: Error) => void }>();
      let exited = false;
      readline.createInterface({ input: child.stdout }).on("line", (line) => {
        let answer: FixtureAnswer;
        try {
          answer = JSON.parse(line) as FixtureAnswer;
        } catch {
          return; // a log line, not an answer
        }
        const waiting = pending.get(answer.id);
        if (!waiting) return;
        pending.delete(answer.id);
        if ("error" in answer) waiting.reject(new Error(answer.error));
        else waiting.resolve(answer.result);
      });
      child.on("exit", (code) => {
        exited = true;
        for (const waiting of pending.values()) waiting.reject(new Error(`e2e/fixture-worker.ts exited with code ${code}`));
        pending.clear();
      });
      let next = 0;
      await provide((request) => {
        if (exited) return Promise.reject(new Error("e2e/fixture-worker.ts is not running"));
        const id = ++next;
        return new Promise<string>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          child.stdin.write(`${JSON.stringify({ ...request, id })}\n`);
        });
      });
      child.stdin.end();
      if (!exited) await new Promise((resolve) => child.once("exit", resolve));
    },
    { scope: "worker" },
  ],
  server: async ({}, provide, testInfo) => {
    await provide(serverNamed(testInfo.project.name));
  },
  createOrganisation: async ({ make }, provide) => {
    await provide(async ({ name, communes }) => {
      const fullName = `${name ?? "Collectivité de test"} ${uniqueSuffix()}`;
      const id = await make({ op: "organisation", name: fullName, kind: "COLLECTIVITE", inseeCodes: communes });
      return { id, name: fullName };
    });
  },
  createUser: async ({ make }, provide) => {
    await provide(async ({ role, organisation, password = E2E_PASSWORD }) => {
      const email = `${role.replace("_", "-")}-${uniqueSuffix()}@e2e.fibre-pro.test`;
      await make({ op: "user", email, password, role: ROLES[role], organisationId: organisation?.id ?? null });
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

export { expect, expectNoAxeViolations };

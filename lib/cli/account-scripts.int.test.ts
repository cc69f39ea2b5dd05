/**
 * `npm run org:create` and `npm run user:create` through the real commands (the e2e fixtures call
 * the same library functions from one long-lived process, so the command lines are checked here):
 * the id printed, the account usable, and one clear sentence with exit 1 on a mistake.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const exec = promisify(execFile);

function command(script: "org-create" | "user-create", args: string[]) {
  return exec(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL! },
    timeout: 120_000,
  });
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

describe("account command lines", () => {
  it("org:create prints the id that user:create --org takes", async () => {
    const created = await command("org-create", ["--name", "Métropole en ligne de commande", "--kind", "collectivite", "--communes", "42218,42207"]);
    const id = created.stdout.trim().split("\n").pop()!;
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id }, include: { communes: true } });
    expect(organisation.name).toBe("Métropole en ligne de commande");
    expect(organisation.communes.map((commune) => commune.inseeCode).sort()).toEqual(["42207", "42218"]);

    const user = await command("user-create", ["--email", "Editrice@Example.test", "--password", "cli-Password-2026!", "--role", "editor", "--org", id]);
    expect(user.stdout).toContain("Created editor editrice@example.test");
    expect(await db.user.findUnique({ where: { email: "editrice@example.test" } })).toMatchObject({ role: "EDITOR", organisationId: id });
  });

  it("a second account with the same address: exit 1 and one sentence, no stack trace", async () => {
    await command("user-create", ["--email", "admin@example.test", "--password", "cli-Password-2026!", "--role", "admin"]);
    const failure = await command("user-create", ["--email", "admin@example.test", "--password", "cli-Password-2026!", "--role", "admin"]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe("Error: Un compte existe déjà pour admin@example.test.");
  });
});

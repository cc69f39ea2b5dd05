import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEml } from "@/lib/testing/eml";
import { createMailer, outboxFileName } from "./mailer";
import { passwordResetMail } from "./templates";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("createMailer without SMTP", () => {
  it("writes each mail as an .eml file into the outbox folder, creating it", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "outbox-")), "nested", "outbox");
    dirs.push(path.dirname(path.dirname(dir)));
    const send = createMailer({ outboxDir: dir, from: "Fibre Pro <ne-pas-repondre@fibre-pro.test>" });
    await send(passwordResetMail("élise@example.test", "http://localhost:3000/reinitialiser?token=abc"));
    await send({ to: "b@example.test", subject: "Deuxième", text: "Texte", html: "<p>Texte</p>" });

    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{8}\.eml$/);
    const raws = files.map((file) => fs.readFileSync(path.join(dir, file), "utf8"));
    // Both were written within the same millisecond, maybe: find the reset mail by its recipient.
    const raw = raws.find((candidate) => parseEml(candidate).to === "élise@example.test")!;
    expect(raw).toContain("Content-Type: multipart/alternative");
    const mail = parseEml(raw);
    expect(mail.from).toBe("Fibre Pro <ne-pas-repondre@fibre-pro.test>");
    expect(mail.to).toBe("élise@example.test");
    expect(mail.subject).toBe("Fibre Pro : réinitialisation de votre mot de passe");
    expect(mail.text).toContain("Choisir un nouveau mot de passe :\nhttp://localhost:3000/reinitialiser?token=abc\n");
    expect(mail.text).toContain("Ce lien est valable une heure");
    expect(mail.html).toContain('<a href="http://localhost:3000/reinitialiser?token=abc">Choisir un nouveau mot de passe</a>');
    expect(raws.map((candidate) => parseEml(candidate).subject).sort()).toEqual(["Deuxième", "Fibre Pro : réinitialisation de votre mot de passe"]);
  });
});

describe("outboxFileName", () => {
  it("sorts by time", () => {
    const names = [outboxFileName(new Date("2026-11-29T10:00:00Z")), outboxFileName(new Date("2026-11-29T09:59:59.999Z"))];
    expect([...names].sort()).toEqual([names[1], names[0]]);
  });
});

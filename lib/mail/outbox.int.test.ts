import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMailer, type MailMessage, type SendMail } from "./mailer";
import { MAX_ATTEMPTS, deliverDueMails, enqueueMail, purgeOutbox, retryDelayMs } from "./outbox";

const message = (n: number): MailMessage => ({ to: `personne${n}@entreprise.test`, subject: `Sujet ${n}`, text: `Texte ${n}`, html: `<p>Texte ${n}</p>` });

/** A mailer that records what it was given, slow enough for two workers to interleave. */
function recordingMailer(log: { id: string; to: string; worker: string }[], worker: string): SendMail {
  return async (mail, options) => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    log.push({ id: options!.outboxId!, to: mail.to, worker });
  };
}

beforeEach(async () => {
  await db.outboxMail.deleteMany({});
});

describe("outbox", () => {
  it("two workers at once send every mail exactly once", async () => {
    for (let n = 0; n < 40; n += 1) await enqueueMail("alert.digest", message(n));
    const log: { id: string; to: string; worker: string }[] = [];
    const [a, b] = await Promise.all([
      deliverDueMails({ send: recordingMailer(log, "a"), workerId: "a" }),
      deliverDueMails({ send: recordingMailer(log, "b"), workerId: "b" }),
    ]);
    expect(a.sent + b.sent).toBe(40);
    expect(log).toHaveLength(40);
    expect(new Set(log.map((entry) => entry.id)).size).toBe(40);
    expect(await db.outboxMail.count({ where: { state: "SENT", lockedBy: null } })).toBe(40);
    // Nothing left: a third round sends nothing.
    expect(await deliverDueMails({ send: recordingMailer(log, "c"), workerId: "c" })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("a failed send is retried later with a growing delay, then given up with the error kept", async () => {
    const id = await enqueueMail("report.outcome", message(1));
    // The mail is due from now (enqueueMail's clock is the real one): the test's clock starts there.
    let clock = new Date(Date.now() + 1_000);
    const now = () => clock;
    const failing: SendMail = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:25");
    };
    expect(await deliverDueMails({ send: failing, now })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await db.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "PENDING", attempts: 1, lastError: "connect ECONNREFUSED 127.0.0.1:25" });
    expect(row.nextAttemptAt.getTime() - clock.getTime()).toBe(retryDelayMs(1));
    // Not due yet: nothing happens.
    expect(await deliverDueMails({ send: failing, now })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      clock = new Date(row.nextAttemptAt.getTime() + 1);
      await deliverDueMails({ send: failing, now });
      row = await db.outboxMail.findUniqueOrThrow({ where: { id } });
    }
    expect(row).toMatchObject({ state: "FAILED", attempts: MAX_ATTEMPTS });
  });

  it("a mail whose worker died while sending is sent again once its lock expires, as the same message", async () => {
    const id = await enqueueMail("alert.confirm", message(2));
    await db.outboxMail.update({ where: { id }, data: { state: "SENDING", lockedBy: "dead", lockedUntil: new Date(Date.now() - 1000), attempts: 1 } });
    const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-"));
    const send = createMailer({ outboxDir, from: "Fibre Pro <test@fibre-pro.test>" });
    // The dead worker had written the file already: the second delivery is the same file, once.
    await send(message(2), { outboxId: id });
    expect(await deliverDueMails({ send })).toMatchObject({ sent: 1 });
    const files = fs.readdirSync(outboxDir);
    expect(files).toEqual([`${id}.eml`]);
    expect(fs.readFileSync(path.join(outboxDir, files[0]!), "utf8")).toContain(`Message-ID: <${id}@fibre-pro.outbox>`);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "SENT", attempts: 2 });
  });

  it("a mail whose sending killed its worker MAX_ATTEMPTS times is not claimed again, and is marked given up", async () => {
    const id = await enqueueMail("alert.digest", message(5));
    await db.outboxMail.update({ where: { id }, data: { state: "SENDING", lockedBy: "dead", lockedUntil: new Date(Date.now() - 1000), attempts: MAX_ATTEMPTS } });
    const log: { id: string; to: string; worker: string }[] = [];
    expect(await deliverDueMails({ send: recordingMailer(log, "a") })).toEqual({ sent: 0, retried: 0, failed: 0 });
    await purgeOutbox();
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "FAILED", lockedBy: null });
  });

  it("a worker asked to stop sends no further mail of its round", async () => {
    for (let n = 0; n < 5; n += 1) await enqueueMail("alert.digest", message(n));
    const log: { id: string; to: string; worker: string }[] = [];
    const counts = await deliverDueMails({ send: recordingMailer(log, "a"), shouldStop: () => log.length >= 2 });
    expect(counts.sent).toBe(2);
    expect(await db.outboxMail.count({ where: { state: "PENDING" } })).toBe(3);
  });

  it("sent mails are deleted after 30 days, pending ones are kept", async () => {
    const old = await enqueueMail("alert.digest", message(3));
    const pending = await enqueueMail("alert.digest", message(4));
    await db.outboxMail.update({ where: { id: old }, data: { state: "SENT", sentAt: new Date("2026-10-01T00:00:00Z") } });
    expect(await purgeOutbox(new Date("2026-11-15T00:00:00Z"))).toBe(1);
    expect((await db.outboxMail.findMany()).map((row) => row.id)).toEqual([pending]);
  });
});

/** The mails a test server wrote to its outbox folder (no SMTP in tests), read back and decoded. */
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { parseEml, type ParsedMail } from "../lib/testing/eml";

function mailsTo(outboxDir: string, to: string): ParsedMail[] {
  if (!fs.existsSync(outboxDir)) return [];
  return fs
    .readdirSync(outboxDir)
    .filter((file) => file.endsWith(".eml"))
    .map((file) => ({ file, time: fs.statSync(path.join(outboxDir, file)).mtimeMs }))
    .sort((a, b) => a.time - b.time || a.file.localeCompare(b.file))
    .map(({ file }) => parseEml(fs.readFileSync(path.join(outboxDir, file), "utf8")))
    .filter((mail) => mail.to.toLowerCase() === to.toLowerCase());
}

/** Waits for the count-th mail to this address (mails are sent after the page answers). */
export async function waitForMail(outboxDir: string, to: string, count = 1): Promise<ParsedMail> {
  await expect.poll(() => mailsTo(outboxDir, to).length, { message: `mail #${count} to ${to} in ${outboxDir}` }).toBeGreaterThanOrEqual(count);
  return mailsTo(outboxDir, to)[count - 1]!;
}

export function countMails(outboxDir: string, to: string): number {
  return mailsTo(outboxDir, to).length;
}

/** The one-time link of an account mail, as a path on the server under test. */
export function passwordLink(mail: ParsedMail): string {
  const url = /https?:\/\/\S+\/reinitialiser\?token=[\w-]+/.exec(mail.text)?.[0];
  expect(url, `link in: ${mail.text}`).toBeTruthy();
  expect(mail.html).toContain(url!);
  const parsed = new URL(url!);
  return `${parsed.pathname}${parsed.search}`;
}

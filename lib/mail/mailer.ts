/**
 * Outgoing mail, one small interface: `sendMail({ to, subject, text, html })`. With SMTP_URL set,
 * mails go through that SMTP server; without it, each mail is written as an .eml file into
 * MAIL_OUTBOX_DIR (name sortable by time), which is how the demo and the tests read them.
 * Alert mails (queued, retried) will sit on top of this function.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain-text body, always sent. */
  text: string;
  /** HTML body, the same words. */
  html: string;
}

export interface MailerConfig {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
}

export type SendMail = (message: MailMessage) => Promise<void>;

/** A sortable, unique file name: 2026-11-29T20-55-01-123Z-<random>.eml */
export function outboxFileName(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`;
}

export function createMailer(config: MailerConfig): SendMail {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return async (message) => {
      await transport.sendMail({ from: config.from, ...message });
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (message) => {
    const info = await transport.sendMail({ from: config.from, ...message });
    await fs.mkdir(config.outboxDir, { recursive: true });
    await fs.writeFile(path.join(config.outboxDir, outboxFileName()), info.message as Buffer, { flag: "wx" });
  };
}

let defaultMailer: SendMail | undefined;

/** Sends one mail with the configuration of the environment (SMTP_URL, MAIL_OUTBOX_DIR, MAIL_FROM). */
export function sendMail(message: MailMessage): Promise<void> {
  defaultMailer ??= createMailer({ smtpUrl: env.SMTP_URL, outboxDir: path.resolve(env.MAIL_OUTBOX_DIR), from: env.MAIL_FROM });
  return defaultMailer(message);
}

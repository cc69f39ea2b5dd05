/**
 * Outgoing mail, one small interface: `sendMail({ to, subject, text, html })`. With SMTP_URL set,
 * mails go through that SMTP server; without it, each mail is written as an .eml file into
 * MAIL_OUTBOX_DIR (name sortable by time), which is how the demo and the tests read them.
 * Queued mails (alerts, report outcomes) go through lib/mail/outbox.ts, which calls this with the
 * queued row's id: the id becomes the Message-ID and the .eml file's name, so a mail delivered
 * twice after a crash is one file, and one message for the receiving server.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain-text body, always sent. */
  text: string;
  /** HTML body, the same words. */
  html: string;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
}

export interface SendOptions {
  /** The outbox row being sent: its Message-ID, and the only name of its .eml file. */
  outboxId?: string;
}

export interface MailerConfig {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
}

export type SendMail = (message: MailMessage, options?: SendOptions) => Promise<void>;

const messageId = (outboxId: string) => `<${outboxId}@fibre-pro.outbox>`;

/** A sortable, unique file name: 2026-11-29T20-55-01-123Z-<random>.eml */
export function outboxFileName(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`;
}

export function createMailer(config: MailerConfig): SendMail {
  if (config.smtpUrl) {
    // Timeouts well under the outbox's claim (2 min): a mail is never still being sent when another worker may take it.
    // (SMTPTransport merges `url` with the other options; createTransport(url) would drop them.)
    const transport = nodemailer.createTransport(new SMTPTransport({ url: config.smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 45_000 }));
    return async (message, options) => {
      await transport.sendMail({ from: config.from, ...message, ...(options?.outboxId ? { messageId: messageId(options.outboxId) } : {}) });
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (message, options) => {
    const info = await transport.sendMail({ from: config.from, ...message, ...(options?.outboxId ? { messageId: messageId(options.outboxId) } : {}) });
    await fs.mkdir(config.outboxDir, { recursive: true });
    const name = options?.outboxId ? `${options.outboxId}.eml` : outboxFileName();
    try {
      await fs.writeFile(path.join(config.outboxDir, name), info.message as Buffer, { flag: "wx" });
    } catch (error) {
      // The same queued mail written before a crash: it is there already, once.
      if (!(options?.outboxId && (error as NodeJS.ErrnoException).code === "EEXIST")) throw error;
    }
  };
}

let defaultMailer: SendMail | undefined;

/** Sends one mail with the configuration of the environment (SMTP_URL, MAIL_OUTBOX_DIR, MAIL_FROM). */
export function sendMail(message: MailMessage, options?: SendOptions): Promise<void> {
  defaultMailer ??= createMailer({ smtpUrl: env.SMTP_URL, outboxDir: path.resolve(env.MAIL_OUTBOX_DIR), from: env.MAIL_FROM });
  return defaultMailer(message, options);
}

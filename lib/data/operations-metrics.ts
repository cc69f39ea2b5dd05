import "server-only";
/**
 * The database's figures for GET /api/metrics, read at each scrape (a few grouped counts on
 * indexed columns): import runs by format and status, the mail outbox by state and the age of its
 * oldest mail still to send.
 */
import { Gauge, Registry } from "prom-client";
import { db } from "@/lib/db/client";

const UNSENT_STATES = ["PENDING", "SENDING"];

export async function databaseMetrics(now = new Date()): Promise<Registry> {
  const [runs, outbox, oldestUnsent] = await Promise.all([
    db.importRun.groupBy({ by: ["format", "status"], _count: { _all: true } }),
    db.outboxMail.groupBy({ by: ["state"], _count: { _all: true } }),
    db.outboxMail.findFirst({ where: { state: { in: UNSENT_STATES } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const registry = new Registry();
  const importRuns = new Gauge({
    name: "fibre_import_runs",
    help: "Import runs recorded in the database, by file format and status (RUNNING, SUCCEEDED, FAILED)",
    labelNames: ["format", "status"],
    registers: [registry],
  });
  for (const run of runs) importRuns.set({ format: run.format, status: run.status }, run._count._all);
  const mails = new Gauge({
    name: "fibre_outbox_mails",
    help: "Mails of the outbox by state (PENDING and SENDING are the queue; SENT and FAILED are kept 30 days)",
    labelNames: ["state"],
    registers: [registry],
  });
  for (const state of ["PENDING", "SENDING", "SENT", "FAILED"]) mails.set({ state }, 0);
  for (const group of outbox) mails.set({ state: group.state }, group._count._all);
  new Gauge({
    name: "fibre_outbox_queue_length",
    help: "Mails still to send (PENDING or SENDING)",
    registers: [registry],
  }).set(outbox.filter((group) => UNSENT_STATES.includes(group.state)).reduce((sum, group) => sum + group._count._all, 0));
  new Gauge({
    name: "fibre_outbox_oldest_unsent_age_seconds",
    help: "Age of the oldest mail still to send, 0 when the queue is empty (a worker down makes it grow)",
    registers: [registry],
  }).set(oldestUnsent ? Math.max(0, (now.getTime() - oldestUnsent.createdAt.getTime()) / 1000) : 0);
  return registry;
}

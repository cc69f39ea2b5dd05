import type { Metadata } from "next";
import Link from "next/link";
import { ModerationButtons } from "@/components/reports/moderation-buttons";
import { requirePageActor } from "@/lib/auth/session";
import { FieldReportState } from "@/lib/db/enums";
import { listFieldReports } from "@/lib/data/field-reports";
import { formatDate } from "@/lib/format";
import { TECHNOLOGY_INFO } from "@/lib/technologies";
import { formatAddressLabel } from "@/lib/text/address-label";
import { FIELD_REPORT_KIND_LABELS } from "@/lib/validation/field-reports";

export const metadata: Metadata = { title: "Signalements" };

const TABS: [FieldReportState, string][] = [
  ["PENDING", "À examiner"],
  ["ACCEPTED", "Acceptés"],
  ["REJECTED", "Refusés"],
];

/** /admin/signalements — field reports about addresses of the territory: accept (draft publication) or reject. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ etat?: string; refuse?: string }> }) {
  const actor = await requirePageActor("/admin/signalements");
  const { etat, refuse } = await searchParams;
  const state = TABS.find(([value]) => value === etat)?.[0] ?? "PENDING";
  const reports = await listFieldReports(actor, state);

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Signalements des entreprises</h1>
      <p className="text-muted">
        Les entreprises signalent ce qui leur paraît faux sur la page de leur adresse. Acceptez un signalement pour préparer une
        mise à jour de cette adresse (un brouillon, à compléter puis publier), ou refusez-le en expliquant pourquoi.
      </p>
      {refuse ? <p role="status">Le signalement a été refusé.</p> : null}
      <nav aria-label="Filtrer les signalements">
        <ul className="flex gap-4 text-sm">
          {TABS.map(([value, label]) => (
            <li key={value}>
              <Link href={`/admin/signalements?etat=${value}`} aria-current={value === state ? "page" : undefined} className={value === state ? "font-bold" : ""}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {reports.length === 0 ? (
        <p>Aucun signalement {state === "PENDING" ? "à examiner" : "dans cette liste"}.</p>
      ) : (
        <ul className="space-y-4">
          {reports.map((report) => (
            <li key={report.id} className="grid gap-4 rounded-lg border border-line p-4 md:grid-cols-[2fr_1fr]">
              <div className="space-y-1">
                <p className="font-semibold">
                  <Link href={`/adresse/${encodeURIComponent(report.address.id)}`}>{formatAddressLabel(report.address)}</Link>
                </p>
                <p>
                  {FIELD_REPORT_KIND_LABELS[report.kind]}
                  {report.technology ? ` — ${TECHNOLOGY_INFO[report.technology].name}` : ""}
                </p>
                <p className="whitespace-pre-line rounded bg-brand-50 p-2">« {report.description} »</p>
                <p className="text-sm text-muted">
                  Reçu le {formatDate(report.createdAt)}
                  {report.email ? " · le déclarant a laissé son adresse e-mail pour connaître la suite" : " · sans adresse e-mail"}
                  {report.moderatedBy ? ` · traité par ${report.moderatedBy}${report.moderatedAt ? ` le ${formatDate(report.moderatedAt)}` : ""}` : ""}
                </p>
                {report.rejectionReason ? <p className="text-sm">Raison du refus : {report.rejectionReason}</p> : null}
                {report.publicationId ? (
                  <p className="text-sm">
                    <Link href={`/admin/publications/${report.publicationId}`}>Mise à jour préparée</Link>
                  </p>
                ) : null}
              </div>
              {report.state === "PENDING" ? <ModerationButtons id={report.id} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

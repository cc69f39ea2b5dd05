"use client";
/**
 * The upload of a member list to POST /api/v1/eligibility/csv: the answer is read as it streams
 * (lines processed so far), then kept in the browser only, for the summary and the downloads —
 * CSV as answered, or XLSX (the list sent again with format=xlsx: the server never keeps it).
 */
import { useEffect, useRef, useState } from "react";
import { parse } from "csv-parse/browser/esm/sync";
import { BatchSummary, type BatchTotals } from "@/components/batch/batch-summary";
import { ErrorSummary, type SummaryState } from "@/components/forms/error-summary";
import { LEVELS, type Level } from "@/lib/levels/levels";
import { TECHNOLOGIES } from "@/lib/technologies";

const ENDPOINT = "/api/v1/eligibility/csv";

interface Result {
  url: string;
  fileName: string;
  totals: BatchTotals;
}

function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte === 0x0a) count += 1;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? count + 1 : count;
}

function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

function totalsOf(text: string): BatchTotals {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (character: string) => header.split(character).length - 1;
  const delimiter = [";", ",", "\t"].reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ";");
  const rows = parse(text, { delimiter, columns: true, bom: true, relax_column_count: true, skip_empty_lines: false }) as Record<string, string>[];
  const levels = Object.fromEntries(TECHNOLOGIES.map((technology) => [technology, Object.fromEntries(LEVELS.map((level) => [level, 0]))])) as BatchTotals["levels"];
  const totals: BatchTotals = { lines: rows.length, bySiret: 0, byAddress: 0, notFound: 0, levels };
  for (const row of rows) {
    if (row.fp_match === "siret") totals.bySiret += 1;
    else if (row.fp_match === "address") totals.byAddress += 1;
    else totals.notFound += 1;
    if (row.fp_match !== "siret" && row.fp_match !== "address") continue;
    for (const technology of TECHNOLOGIES) {
      const level = row[`fp_${technology.toLowerCase()}_level`] as Level | undefined;
      if (level && level in levels[technology]) levels[technology][level] += 1;
    }
  }
  return totals;
}

async function problemDetail(response: Response): Promise<string> {
  try {
    return ((await response.json()) as { detail?: string }).detail ?? `Erreur ${response.status}.`;
  } catch {
    return `La vérification a échoué (erreur ${response.status}). Réessayez.`;
  }
}

export function BatchCheckForm({ maxMegabytes, maxLines }: { maxMegabytes: number; maxLines: number }) {
  const [failure, setFailure] = useState<SummaryState>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [isPreparingXlsx, setIsPreparingXlsx] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const sent = useRef<File | null>(null);
  const fileError = failure.errors?.data;

  useEffect(() => () => (result ? URL.revokeObjectURL(result.url) : undefined), [result]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    let error: string | null = null;
    if (!file) error = "Choisissez un fichier CSV.";
    else if (file.size === 0) error = "Ce fichier est vide.";
    else if (file.size > maxMegabytes * 1024 * 1024) error = `Ce fichier dépasse la taille maximale acceptée (${maxMegabytes} Mo).`;
    if (error || !file) {
      setFailure({ errors: { data: error ?? "Choisissez un fichier CSV." } });
      return;
    }
    setFailure({});
    setResult(null);
    const total = Math.max(0, countLines(new Uint8Array(await file.arrayBuffer())) - 1);
    setProgress({ done: 0, total });
    try {
      const body = new FormData();
      body.append("data", file);
      const response = await fetch(ENDPOINT, { method: "POST", body });
      if (!response.ok || !response.body) {
        setProgress(null);
        setFailure({ message: await problemDetail(response) });
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 0x0a) lines += 1;
        setProgress({ done: Math.min(total, Math.max(0, lines - 1)), total });
      }
      const charset = /charset=([\w-]+)/.exec(response.headers.get("content-type") ?? "")?.[1] ?? "utf-8";
      const blob = new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "text/csv" });
      const text = new TextDecoder(charset).decode(await blob.arrayBuffer());
      sent.current = file;
      setResult({ url: URL.createObjectURL(blob), fileName: fileNameOf(response, "liste-fibre-pro.csv"), totals: totalsOf(text) });
      setProgress(null);
    } catch {
      setProgress(null);
      setFailure({ message: "La vérification a été interrompue (connexion perdue ?). Réessayez." });
    }
  }

  async function downloadXlsx() {
    if (!sent.current) return;
    setIsPreparingXlsx(true);
    try {
      const body = new FormData();
      body.append("data", sent.current);
      body.append("format", "xlsx");
      const response = await fetch(ENDPOINT, { method: "POST", body });
      if (!response.ok) {
        setFailure({ message: await problemDetail(response) });
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, "liste-fibre-pro.xlsx");
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailure({ message: "Le classeur n'a pas pu être préparé (connexion perdue ?). Réessayez." });
    } finally {
      setIsPreparingXlsx(false);
    }
  }

  const isSending = progress !== null;
  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate className="max-w-xl space-y-5">
        <ErrorSummary state={failure} fields={{ data: "batch-file" }} />
        <div className="flex flex-col gap-1">
          <label htmlFor="batch-file" className="font-medium">
            Votre liste (fichier CSV)
          </label>
          <p id="batch-file-hint" className="text-sm text-muted">
            Séparateur point-virgule, virgule ou tabulation ; {maxMegabytes} Mo et {maxLines.toLocaleString("fr-FR")} lignes au plus.
          </p>
          <input
            ref={fileInput}
            id="batch-file"
            name="data"
            type="file"
            accept=".csv,.txt,text/csv"
            className="field"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "batch-file-hint batch-file-error" : "batch-file-hint"}
          />
          {fileError ? (
            <p id="batch-file-error" className="field-error">
              {fileError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button-primary" disabled={isSending}>
          {isSending ? "Vérification en cours…" : "Vérifier la liste"}
        </button>
        <div aria-live="polite" className="text-sm">
          {progress ? (
            <>
              <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Lignes vérifiées" className="w-full" />
              <p>
                {progress.done.toLocaleString("fr-FR")} lignes vérifiées sur {progress.total.toLocaleString("fr-FR")}
              </p>
            </>
          ) : null}
        </div>
      </form>
      {result ? (
        <section aria-labelledby="batch-result-title" className="space-y-4 rounded-lg border border-line p-4">
          <h2 id="batch-result-title" className="text-xl font-bold" tabIndex={-1}>
            Résultat de la vérification
          </h2>
          <BatchSummary totals={result.totals} />
          <div className="flex flex-wrap gap-3">
            <a href={result.url} download={result.fileName} className="button-primary">
              Télécharger le résultat (CSV)
            </a>
            <button type="button" className="button-secondary" onClick={downloadXlsx} disabled={isPreparingXlsx}>
              {isPreparingXlsx ? "Préparation du classeur…" : "Télécharger le résultat (XLSX)"}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

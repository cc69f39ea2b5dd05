"use client";
/**
 * Upload of a file for import: format, optional source name (and organisation for platform
 * admins), the file sent as the raw body of POST /api/admin/imports with a progress bar, then the
 * job's page (its dry-run report).
 */
import { useRef, useState } from "react";
import { ErrorSummary, type SummaryState } from "@/components/forms/error-summary";

interface Props {
  formats: { value: string; label: string }[];
  /** Platform admins choose the organisation; others upload for their own. */
  organisations: { id: string; name: string }[] | null;
  maxMegabytes: number;
}

type Errors = Partial<Record<"format" | "file" | "source", string>>;

export function ImportUploadForm({ formats, organisations, maxMegabytes }: Props) {
  // A new object per failed attempt: the error summary takes the focus each time.
  const [failure, setFailure] = useState<SummaryState & { errors?: Errors }>({});
  const errors: Errors = failure.errors ?? {};
  const [percent, setPercent] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = fileInput.current?.files?.[0];
    const format = String(data.get("format") ?? "");
    const found: Errors = {};
    if (!format) found.format = "Choisissez le format du fichier.";
    if (!file) found.file = "Choisissez un fichier.";
    else if (file.size === 0) found.file = "Ce fichier est vide.";
    else if (file.size > maxMegabytes * 1024 * 1024) found.file = `Ce fichier dépasse la taille maximale acceptée (${maxMegabytes} Mo).`;
    if (Object.keys(found).length > 0 || !file) {
      setFailure({ errors: found });
      return;
    }
    setFailure({});

    const query = new URLSearchParams({ format, fileName: file.name });
    const source = String(data.get("source") ?? "").trim();
    if (source) query.set("source", source);
    const organisationId = String(data.get("organisationId") ?? "");
    if (organisationId) query.set("organisationId", organisationId);

    const request = new XMLHttpRequest();
    request.open("POST", `/api/admin/imports?${query}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPercent(Math.round((progress.loaded / progress.total) * 100));
    };
    request.onload = () => {
      let body: { url?: string; detail?: string; invalid_params?: { name: string; reason: string }[] } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = {};
      }
      if (request.status === 201 && body.url) {
        window.location.assign(body.url);
        return;
      }
      setPercent(null);
      setFailure({ message: body.detail ?? "L'envoi a échoué. Réessayez." });
    };
    request.onerror = () => {
      setPercent(null);
      setFailure({ message: "L'envoi a été interrompu (connexion perdue ?). Réessayez." });
    };
    setPercent(0);
    request.send(file);
  }

  const isSending = percent !== null;
  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-5">
      <ErrorSummary state={failure} fields={{ format: "upload-format", source: "upload-source", file: "upload-file" }} />
      {organisations ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="upload-organisation" className="font-medium">
            Organisation
          </label>
          <select id="upload-organisation" name="organisationId" className="field" defaultValue="">
            <option value="">Aucune (import national, sans limite de territoire)</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-format" className="font-medium">
          Format du fichier
        </label>
        <select
          id="upload-format"
          name="format"
          className="field"
          defaultValue=""
          aria-invalid={errors.format ? true : undefined}
          aria-describedby={errors.format ? "upload-format-error" : undefined}
        >
          <option value="" disabled>
            Choisissez…
          </option>
          {formats.map((format) => (
            <option key={format.value} value={format.value}>
              {format.label}
            </option>
          ))}
        </select>
        {errors.format ? (
          <p id="upload-format-error" className="field-error">
            {errors.format}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-source" className="font-medium">
          Nom de la source (facultatif)
        </label>
        <input
          id="upload-source"
          name="source"
          className="field"
          maxLength={120}
          aria-describedby="upload-source-hint"
        />
        <p id="upload-source-hint" className="text-sm text-muted">
          Par exemple « IPE LIAIN ». Sans nom, il est tiré du fichier. Un nouveau fichier de la même source remplace le précédent.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-file" className="font-medium">
          Fichier (CSV, ZIP, GZ ou GeoJSON, {maxMegabytes.toLocaleString("fr-FR")} Mo au plus)
        </label>
        <input
          id="upload-file"
          ref={fileInput}
          type="file"
          name="file"
          accept=".csv,.zip,.gz,.json,.geojson,.txt"
          className="field"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={errors.file ? "upload-file-error" : undefined}
        />
        {errors.file ? (
          <p id="upload-file-error" className="field-error">
            {errors.file}
          </p>
        ) : null}
      </div>
      {isSending ? (
        <div className="space-y-1">
          <label htmlFor="upload-progress" className="text-sm font-medium">
            Envoi du fichier : {percent} %
          </label>
          <progress id="upload-progress" max={100} value={percent} className="block h-3 w-full" />
        </div>
      ) : null}
      <button type="submit" className="button-primary" disabled={isSending}>
        {isSending ? "Envoi en cours…" : "Envoyer et vérifier"}
      </button>
    </form>
  );
}

"use client";
/**
 * The zone form: details, and the outline drawn on the map, loaded from a GeoJSON file (read in
 * the browser) or typed in the text field; the three write the same `outline` field. Fields are
 * controlled: a refused save (conflict, errors) keeps everything the user entered.
 */
import dynamic from "next/dynamic";
import { useActionState, useState } from "react";
import { saveZoneAction, type ZoneFormState } from "@/app/(admin)/admin/zones/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import type { ZoneOutlineEditorProps } from "@/components/map/zone-outline-editor";

const ZoneOutlineEditor = dynamic<ZoneOutlineEditorProps>(() => import("@/components/map/zone-outline-editor"), {
  ssr: false,
  loading: () => <div className="h-[28rem] w-full animate-pulse rounded-lg border border-line bg-brand-50" aria-hidden="true" />,
});

export interface ZoneFormValues {
  id: string;
  name: string;
  inseeCode: string;
  state: string;
  vocation: string | null;
  contact: string | null;
  /** GeoJSON text. */
  outline: string;
  /** ISO date of the version the form was loaded from. */
  updatedAt: string;
}

export interface ZoneFormProps {
  zone: ZoneFormValues | null;
  communes: { inseeCode: string; name: string; lat: number | null; lon: number | null }[];
  states: readonly string[];
  vocations: readonly string[];
  tiles: { url: string; attribution: string };
}

/** The fields the action may find in error → their control, in the form's order. */
const FIELDS = {
  name: "zone-name",
  inseeCode: "zone-commune",
  state: "zone-state",
  vocation: "zone-vocation",
  contact: "zone-contact",
  outline: "zone-outline",
} as const;

const FRANCE_CENTER: [number, number] = [46.6, 2.4];
const MAX_FILE_BYTES = 2_000_000;

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function ZoneForm({ zone, communes, states, vocations, tiles }: ZoneFormProps) {
  const [state, formAction, isPending] = useActionState<ZoneFormState, FormData>(saveZoneAction, {});
  const [values, setValues] = useState({
    name: zone?.name ?? "",
    inseeCode: zone?.inseeCode ?? communes[0]?.inseeCode ?? "",
    state: zone?.state ?? states[0]!,
    vocation: zone?.vocation ?? "",
    contact: zone?.contact ?? "",
    outline: zone?.outline ?? "",
  });
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const errors = state.errors ?? {};
  const describedBy = (name: string, hint?: string) => [hint, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

  const commune = communes.find((entry) => entry.inseeCode === values.inseeCode);
  const center: [number, number] = commune?.lat != null && commune.lon != null ? [commune.lat, commune.lon] : FRANCE_CENTER;

  async function readFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileMessage("Ce fichier dépasse 2 Mo : simplifiez le contour avant de l'importer.");
      return;
    }
    const text = await file.text();
    setValues((current) => ({ ...current, outline: text.trim() }));
    setFileMessage(`Contour lu dans « ${file.name} » : vérifiez-le sur la carte, puis enregistrez.`);
  }

  return (
    <form action={formAction} noValidate className="space-y-6">
      {zone ? (
        <>
          <input type="hidden" name="id" value={zone.id} />
          <input type="hidden" name="expectedUpdatedAt" value={zone.updatedAt} />
        </>
      ) : null}
      <ErrorSummary state={state} fields={FIELDS} />

      <div className="grid gap-5 md:grid-cols-2">
        <div className="space-y-1 md:col-span-2">
          <label htmlFor="zone-name" className="block font-medium">
            Nom de la zone
          </label>
          <input id="zone-name" name="name" value={values.name} onChange={set("name")} maxLength={200} required
            aria-invalid={errors.name ? true : undefined} aria-describedby={describedBy("name")} className="field w-full" />
          <FieldError id="name-error" message={errors.name} />
        </div>

        <div className="space-y-1">
          <label htmlFor="zone-commune" className="block font-medium">
            Commune
          </label>
          {communes.length > 0 ? (
            <select id="zone-commune" name="inseeCode" value={values.inseeCode} onChange={set("inseeCode")}
              aria-invalid={errors.inseeCode ? true : undefined} aria-describedby={describedBy("inseeCode")} className="field w-full">
              {!commune && values.inseeCode ? <option value={values.inseeCode}>{values.inseeCode}</option> : null}
              {communes.map((entry) => (
                <option key={entry.inseeCode} value={entry.inseeCode}>
                  {entry.name} ({entry.inseeCode})
                </option>
              ))}
            </select>
          ) : (
            <input id="zone-commune" name="inseeCode" value={values.inseeCode} onChange={set("inseeCode")} inputMode="numeric" maxLength={5}
              aria-invalid={errors.inseeCode ? true : undefined} aria-describedby={describedBy("inseeCode", "zone-commune-hint")} className="field w-full" />
          )}
          {communes.length === 0 ? (
            <p id="zone-commune-hint" className="text-sm text-muted">
              Code INSEE de la commune, 5 caractères (par exemple 01053).
            </p>
          ) : null}
          <FieldError id="inseeCode-error" message={errors.inseeCode} />
        </div>

        <div className="space-y-1">
          <label htmlFor="zone-state" className="block font-medium">
            État
          </label>
          <select id="zone-state" name="state" value={values.state} onChange={set("state")}
            aria-invalid={errors.state ? true : undefined} aria-describedby={describedBy("state")} className="field w-full">
            {(states.includes(values.state) ? states : [...states, values.state]).map((entry) => (
              <option key={entry} value={entry}>
                {entry}
              </option>
            ))}
          </select>
          <FieldError id="state-error" message={errors.state} />
        </div>

        <div className="space-y-1">
          <label htmlFor="zone-vocation" className="block font-medium">
            Vocation
          </label>
          <select id="zone-vocation" name="vocation" value={values.vocation} onChange={set("vocation")}
            aria-invalid={errors.vocation ? true : undefined} aria-describedby={describedBy("vocation")} className="field w-full">
            <option value="">Non renseignée</option>
            {(values.vocation && !vocations.includes(values.vocation) ? [...vocations, values.vocation] : vocations).map((entry) => (
              <option key={entry} value={entry}>
                {entry}
              </option>
            ))}
          </select>
          <FieldError id="vocation-error" message={errors.vocation} />
        </div>

        <div className="space-y-1 md:col-span-2">
          <label htmlFor="zone-contact" className="block font-medium">
            Contact pour les entreprises <span className="font-normal text-muted">(facultatif)</span>
          </label>
          <textarea id="zone-contact" name="contact" value={values.contact} onChange={set("contact")} rows={3} maxLength={1000}
            aria-invalid={errors.contact ? true : undefined} aria-describedby={describedBy("contact", "zone-contact-hint")} className="field w-full" />
          <p id="zone-contact-hint" className="text-sm text-muted">
            Service, téléphone ou adresse e-mail à qui une entreprise peut s&apos;adresser ; affiché sur la page publique de la zone.
          </p>
          <FieldError id="contact-error" message={errors.contact} />
        </div>
      </div>

      <fieldset className="space-y-3 rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">Contour de la zone</legend>
        <p id="zone-outline-hint" className="text-sm text-muted">
          Sur la carte, choisissez « Dessiner des polygones », cliquez chaque sommet puis de nouveau le premier pour fermer le contour ;
          « Éditer des calques » déplace les sommets, « Supprimer des calques » efface un contour. Vous pouvez aussi importer un fichier
          GeoJSON ou coller le contour dans le champ texte.
        </p>
        <ZoneOutlineEditor
          value={values.outline}
          onChange={(outline) => setValues((current) => ({ ...current, outline }))}
          center={center}
          zoom={commune ? 15 : 6}
          tiles={tiles}
          label="Carte de dessin du contour de la zone"
        />
        <FieldError id="outline-error" message={errors.outline} />
        <div className="space-y-1">
          <label htmlFor="zone-outline-file" className="block font-medium">
            Importer un fichier GeoJSON
          </label>
          <input id="zone-outline-file" type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={readFile}
            aria-describedby="zone-outline-file-hint" className="block text-sm" />
          <p id="zone-outline-file-hint" className="text-sm text-muted">
            Un polygone (Polygon ou MultiPolygon), seul ou dans un Feature ou une FeatureCollection d&apos;une seule zone, en WGS84 ou Lambert-93,
            de 20 000 points et 2 Mo au plus.
          </p>
          {fileMessage ? (
            <p role="status" className="text-sm">
              {fileMessage}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="zone-outline" className="block font-medium">
            Contour au format GeoJSON
          </label>
          <textarea id="zone-outline" name="outline" value={values.outline} onChange={set("outline")} rows={4} spellCheck={false}
            aria-invalid={errors.outline ? true : undefined} aria-describedby={describedBy("outline", "zone-outline-hint")}
            className="field w-full font-mono text-xs" />
        </div>
      </fieldset>

      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Enregistrement…" : "Enregistrer la zone"}
      </button>
    </form>
  );
}

"use client";
/** Writes the iframe snippet of the widget from a few choices, with a live preview and a copy button. */
import { useId, useState } from "react";
import { DEFAULT_ACCENT, embedPath } from "@/lib/embed";

export function SnippetBuilder({ origin }: { origin: string }) {
  const id = useId();
  const [accent, setAccent] = useState(DEFAULT_ACCENT);
  const [q, setQ] = useState("");
  const [zone, setZone] = useState("");
  const [height, setHeight] = useState(420);
  const [message, setMessage] = useState("");
  const src = `${origin}${embedPath({ accent, q, zone })}`;
  const snippet = `<iframe src="${src}" title="Fibre Pro : la fibre pour les entreprises" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setMessage("Code copié dans le presse-papiers.");
    } catch {
      setMessage("La copie a échoué : sélectionnez le code et copiez-le.");
    }
  }

  const field = "mt-1 rounded-md border-2 border-muted bg-white px-2 py-2 text-base";
  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 rounded-lg border border-line p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">Vos réglages</legend>
        <label className="flex flex-col text-sm font-medium">
          Couleur de votre charte
          <input type="color" value={accent} onChange={(event) => setAccent(event.target.value)} className="mt-1 h-11 w-24" />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Hauteur (pixels)
          <input type="number" min={240} max={1200} step={20} value={height} onChange={(event) => setHeight(Number(event.target.value) || 420)} className={field} />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Recherche déjà saisie (facultatif)
          <input type="text" value={q} maxLength={100} onChange={(event) => setQ(event.target.value)} className={field} placeholder="Bourg-en-Bresse" />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Zone d&apos;activités mise en avant (identifiant, facultatif)
          <input type="text" value={zone} maxLength={200} onChange={(event) => setZone(event.target.value)} className={field} placeholder="01053_SITE-ECO_00001" />
        </label>
      </fieldset>

      <div className="space-y-2">
        <label htmlFor={`${id}-snippet`} className="block font-semibold">
          Code à coller dans votre page
        </label>
        <textarea id={`${id}-snippet`} readOnly value={snippet} rows={3} className="w-full rounded-md border-2 border-muted bg-white p-2 font-mono text-sm" />
        <div className="flex items-center gap-3">
          <button type="button" onClick={copy} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Copier le code
          </button>
          <p role="status" className="text-sm text-muted">
            {message}
          </p>
        </div>
      </div>

      <div className="space-y-2">
        <h2 className="text-xl font-semibold">Aperçu</h2>
        <iframe src={src} title="Aperçu du widget Fibre Pro" width="100%" height={height} className="rounded-lg border border-line" />
      </div>
    </div>
  );
}

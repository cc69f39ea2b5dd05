"use client";
/** Copy the page's link, print it. The status message is announced to screen readers. */
import { useState } from "react";

export function PageActions() {
  const [message, setMessage] = useState("");

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setMessage("Lien copié dans le presse-papiers.");
    } catch {
      setMessage("La copie a échoué : copiez l'adresse de la page depuis la barre du navigateur.");
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button type="button" onClick={copyLink} className="rounded-md border-2 border-brand-700 px-3 py-2 font-semibold text-brand-700 hover:bg-brand-50">
        Copier le lien
      </button>
      <button type="button" onClick={() => window.print()} className="rounded-md border-2 border-brand-700 px-3 py-2 font-semibold text-brand-700 hover:bg-brand-50">
        Imprimer
      </button>
      <p role="status" className="text-sm text-muted">
        {message}
      </p>
    </div>
  );
}

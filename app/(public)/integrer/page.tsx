import type { Metadata } from "next";
import { requestOrigin } from "@/lib/request-origin";
import { SnippetBuilder } from "@/components/embed/snippet-builder";

export const metadata: Metadata = { title: "Intégrer Fibre Pro à votre site" };

/** /integrer — for chambers of commerce: the widget's snippet, tuned and copied in one place. */
export default async function EmbedSnippetPage() {
  const origin = await requestOrigin();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Intégrer Fibre Pro à votre site</h1>
      <p className="max-w-prose">
        Chambres de commerce, agences de développement, intercommunalités : mettez la recherche de Fibre Pro dans vos pages. Vos
        visiteurs saisissent leur adresse et lisent la réponse sans quitter votre site ; le détail s&apos;ouvre sur Fibre Pro dans un
        nouvel onglet. Rien à installer, aucune donnée personnelle collectée.
      </p>
      <SnippetBuilder origin={origin} />
    </div>
  );
}

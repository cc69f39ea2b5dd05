import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";

/** What a 404 says: an unknown address or zone gets its own words, any other page the site's. */
export type NotFoundKind = "page" | "address" | "zone";

const TEXTS: Record<NotFoundKind, { title: string; text: string }> = {
  page: {
    title: "Page introuvable",
    text:
      "L'adresse demandée ne correspond à aucune page de Fibre Pro. Le lien est peut-être incomplet, ou la commune, " +
      "l'adresse ou la zone n'existe pas sous cet identifiant. Vous pouvez la rechercher ci-dessous.",
  },
  address: {
    title: "Adresse introuvable",
    text:
      "Aucune adresse ne porte cet identifiant dans Fibre Pro. Le lien est peut-être incomplet, ou l'adresse a changé " +
      "d'identifiant dans la Base Adresse Nationale. Retrouvez-la en tapant son numéro, sa rue et sa commune :",
  },
  zone: {
    title: "Zone d'activités introuvable",
    text:
      "Aucune zone d'activités ne porte cet identifiant dans Fibre Pro. Le lien est peut-être incomplet, ou la zone a " +
      "été renommée par son gestionnaire. Recherchez-la par son nom ou par sa commune :",
  },
};

/** The kind of 404 for the path that was asked for (an address page, a zone page, anything else). */
export function notFoundKindOf(path: string | null | undefined): NotFoundKind {
  if (path?.startsWith("/adresse/")) return "address";
  if (path?.startsWith("/zone/")) return "zone";
  return "page";
}

/** The site's 404 content, without its frame: for the root not-found page and for segments already inside the public frame. */
export function PageNotFound({ kind = "page" }: { kind?: NotFoundKind }) {
  const { title, text } = TEXTS[kind];
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="max-w-prose">{text}</p>
      <SearchBox />
      <p>
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}

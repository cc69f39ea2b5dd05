import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";

/** The site's 404 content, without its frame: for the root not-found page and for segments already inside the public frame. */
export function PageNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Page introuvable</h1>
      <p className="max-w-prose">
        L&apos;adresse demandée ne correspond à aucune page de Fibre Pro. Le lien est peut-être incomplet, ou
        la commune, l&apos;adresse ou la zone n&apos;existe pas sous cet identifiant. Vous pouvez la
        rechercher ci-dessous.
      </p>
      <SearchBox />
      <p>
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}

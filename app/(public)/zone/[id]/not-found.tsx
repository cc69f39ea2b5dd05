import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";

/** An unknown zone id: offer the search. */
export default function ZoneNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Zone d&apos;activités introuvable</h1>
      <p className="max-w-prose">
        Aucune zone d&apos;activités ne porte cet identifiant dans Fibre Pro. Le lien est peut-être incomplet, ou la zone a
        été renommée par son gestionnaire. Recherchez-la par son nom ou par sa commune :
      </p>
      <SearchBox />
      <p>
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}

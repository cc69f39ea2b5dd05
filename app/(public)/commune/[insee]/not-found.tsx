import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";

/** An unknown INSEE code, inside the public frame this segment already has: offer the search. */
export default function CommuneNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Commune introuvable</h1>
      <p className="max-w-prose">
        Aucune commune ne porte ce code INSEE dans Fibre Pro. Le lien est peut-être incomplet, ou la commune a fusionné avec une
        autre. Recherchez-la par son nom ou son code postal :
      </p>
      <SearchBox />
      <p>
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}

import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";

/** An unknown BAN id: say what may have happened and offer the search. */
export default function AddressNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Adresse introuvable</h1>
      <p className="max-w-prose">
        Aucune adresse ne porte cet identifiant dans Fibre Pro. Le lien est peut-être incomplet, ou l&apos;adresse a
        changé d&apos;identifiant dans la Base Adresse Nationale. Retrouvez-la en tapant son numéro, sa rue et sa commune :
      </p>
      <SearchBox />
      <p>
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}

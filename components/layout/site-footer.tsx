import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="no-print mt-12 border-t border-line bg-brand-50">
      <div className="mx-auto grid max-w-5xl gap-4 px-4 py-8 text-sm sm:px-6 md:grid-cols-[2fr_1fr]">
        <p className="max-w-prose text-muted">
          Fibre Pro indique, pour chaque adresse et chaque zone d&apos;activités, la fibre disponible ou prévue
          pour les entreprises (FttH, FttH pro, FttE, FttO), avec la source et la date de chaque information.
        </p>
        <nav aria-label="Pied de page">
          <ul className="flex flex-col gap-2">
            <li>
              <Link href="/sources">Sources des données</Link>
            </li>
            <li>
              <Link href="/licence">Licence et réutilisation</Link>
            </li>
            <li>
              <Link href="/donnees">Données ouvertes et exports</Link>
            </li>
            <li>
              <Link href="/api">API ouverte</Link>
            </li>
            <li>
              <Link href="/verifier-une-liste">Vérifier une liste d&apos;entreprises</Link>
            </li>
            <li>
              <Link href="/integrer">Intégrer le widget</Link>
            </li>
            <li>
              <Link href="/connexion">Espace collectivités</Link>
            </li>
            <li>
              <Link href="/accessibilite">Accessibilité : non conforme</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

import Link from "next/link";
import { DemoBanner } from "@/components/layout/demo-banner";
import { NavLinks } from "@/components/layout/nav-links";
import type { NavItem } from "@/lib/navigation";

const MENU: readonly NavItem[] = [
  { href: "/", label: "Rechercher", exact: true, also: ["/recherche"] },
  { href: "/carte", label: "Carte" },
  { href: "/quelle-fibre", label: "Quelle fibre choisir ?" },
  { href: "/sources", label: "Sources des données" },
];

/** The banner landmark: the demo notice when it applies (so that it sits in a landmark), logo, menu. */
export function SiteHeader() {
  return (
    <header className="border-b border-line bg-white">
      <DemoBanner />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        <Link href="/" className="flex items-center gap-3 text-ink no-underline" aria-label="Fibre Pro, accueil">
          <span aria-hidden="true" className="grid h-10 w-10 place-items-center rounded-md bg-brand-700 text-lg font-bold text-white">
            FP
          </span>
          <span className="flex flex-col leading-tight">
            <span className="text-xl font-bold">Fibre Pro</span>
            <span className="text-sm text-muted">La fibre pour les entreprises, adresse par adresse</span>
          </span>
        </Link>
        <nav aria-label="Navigation principale" className="no-print">
          <NavLinks items={MENU} className="flex flex-wrap gap-x-5 gap-y-1 text-sm" />
        </nav>
      </div>
    </header>
  );
}

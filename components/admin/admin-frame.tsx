import Link from "next/link";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { NavLinks } from "@/components/layout/nav-links";
import {
  ROLE_LABELS,
  canManageOperatorDirectory,
  canManageOrganisations,
  canManageUsers,
  canViewAudit,
  type Actor,
} from "@/lib/auth/permissions";
import type { NavItem } from "@/lib/navigation";

/** Header, navigation and main landmark of the admin area; the links shown follow the actor's role. */
export function AdminFrame({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const links: NavItem[] = [
    { href: "/admin", label: "Tableau de bord", exact: true },
    { href: "/admin/zones", label: "Zones d'activités" },
    { href: "/admin/publications", label: "Publications" },
    { href: "/admin/imports", label: "Fichiers" },
    { href: "/admin/signalements", label: "Signalements" },
    ...(canViewAudit(actor, actor.organisationId) ? [{ href: "/admin/journal", label: "Journal" }] : []),
    ...(canManageUsers(actor, actor.organisationId) ? [{ href: "/admin/utilisateurs", label: "Comptes" }] : []),
    ...(canManageOrganisations(actor) ? [{ href: "/admin/organisations", label: "Organisations" }] : []),
    ...(canManageOperatorDirectory(actor) ? [{ href: "/admin/operateurs", label: "Opérateurs" }] : []),
    ...(actor.role === "ORG_ADMIN" && actor.organisationId ? [{ href: "/admin/organisation", label: "Mon organisation" }] : []),
  ];
  return (
    <>
      <a href="#contenu" className="sr-only z-50 bg-white px-4 py-2 focus:not-sr-only focus:absolute focus:left-2 focus:top-2">
        Aller au contenu
      </a>
      <header className="border-b border-line bg-brand-50">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-3">
            <Link href="/admin" className="font-bold text-ink no-underline">
              Fibre Pro · Espace collectivités
            </Link>
            <Link href="/" className="text-sm">
              Voir le site public
            </Link>
          </div>
          <div className="text-sm">
            <span className="font-medium">{actor.name ?? actor.email}</span>
            <span className="text-muted">
              {" "}
              · {ROLE_LABELS[actor.role]}
              {actor.organisationName ? ` · ${actor.organisationName}` : ""}
            </span>{" "}
            · <SignOutButton />
          </div>
        </div>
        <nav aria-label="Espace collectivités" className="mx-auto max-w-6xl px-4 pb-2 sm:px-6">
          <NavLinks items={links} className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium" />
        </nav>
      </header>
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6">
        {children}
      </main>
    </>
  );
}

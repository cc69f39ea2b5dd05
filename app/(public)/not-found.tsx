import { PageNotFound } from "@/components/layout/page-not-found";

export const metadata = { title: "Page introuvable" };

/**
 * A public page that calls notFound() (an unknown commune, SIRET…) without a not-found of its own:
 * the 404 inside the public frame the group's layout already draws, after a client navigation.
 * A page loaded whole gets app/not-found.tsx, which draws the frame itself: unknown URLs, and the
 * pages the production server handles again (lib/http/not-found-shell.ts).
 */
export default function PublicNotFound() {
  return <PageNotFound />;
}

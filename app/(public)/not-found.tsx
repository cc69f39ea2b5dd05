import { PageNotFound } from "@/components/layout/page-not-found";

export const metadata = { title: "Page introuvable" };

/**
 * A public page that calls notFound() (an unknown commune, SIRET…) without a not-found of its own:
 * the 404 inside the public frame the group's layout already draws. Unknown URLs, outside any
 * segment, get app/not-found.tsx, which draws the frame itself.
 */
export default function PublicNotFound() {
  return <PageNotFound />;
}

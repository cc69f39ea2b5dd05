import type { Metadata } from "next";
import { AdminFrame } from "@/components/admin/admin-frame";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: { default: "Espace collectivités", template: "%s — Espace collectivités — Fibre Pro" }, robots: { index: false } };

/** Every admin page: signed in or sent to /connexion. Pages, actions and handlers check rights again themselves. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("/admin");
  return <AdminFrame actor={actor}>{children}</AdminFrame>;
}

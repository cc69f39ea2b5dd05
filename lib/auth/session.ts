import "server-only";
/**
 * The signed-in actor of the current request, read again from the database each time (role,
 * organisation, territory). `requireActor` is for server actions and route handlers (401),
 * `requirePageActor` for admin pages (redirect to the sign-in page).
 */
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/permissions";
import { loadActor } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";

export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const loaded = await loadActor(session.user.id);
  if (!loaded || loaded.sessionVersion !== session.user.sessionVersion) return null;
  const { sessionVersion: _version, ...actor } = loaded;
  return { ...actor, ip: clientIp(await headers()) };
});

export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) throw new AppError("unauthorized", "Votre session a expiré : reconnectez-vous.");
  return actor;
}

export async function requirePageActor(path: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}

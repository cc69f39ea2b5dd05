import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CreateUserForm } from "@/components/admin/users/create-user-form";
import { UserRowActions } from "@/components/admin/users/user-row-actions";
import { ROLE_LABELS, assignableRoles, canManageUsers } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { lockedAccounts } from "@/lib/auth/throttle";
import { listOrganisations } from "@/lib/data/organisations";
import { listUsers } from "@/lib/data/users";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Comptes" };

/** /admin/utilisateurs — an organisation admin's accounts; every account for platform admins (filter by organisation). */
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ organisation?: string }> }) {
  const actor = await requirePageActor("/admin/utilisateurs");
  if (!canManageUsers(actor, actor.organisationId)) forbidden();
  const isPlatformAdmin = actor.role === "ADMIN";
  const { organisation: filter } = await searchParams;
  const organisations = isPlatformAdmin ? await listOrganisations() : null;
  const organisationFilter = isPlatformAdmin ? (organisations!.some((organisation) => organisation.id === filter) ? filter! : null) : actor.organisationId;
  const users = await listUsers(organisationFilter);
  const locked = await lockedAccounts(users.map((user) => user.email));
  const roles = assignableRoles(actor);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Comptes{!isPlatformAdmin && actor.organisationName ? ` — ${actor.organisationName}` : ""}</h1>
        <p className="max-w-prose text-muted">
          Les éditeurs publient et chargent des fichiers pour le territoire de leur organisation ; les administrateurs
          de l&apos;organisation gèrent aussi ses comptes. Un compte désactivé ne peut plus se connecter et ses sessions
          ouvertes sont fermées aussitôt. Après plusieurs mots de passe erronés, la connexion d&apos;un compte est
          bloquée depuis la connexion internet d&apos;où ils viennent (et ralentie pour les autres) : la personne en est
          avertie par e-mail, et vous pouvez la débloquer ici.
        </p>
      </div>

      {organisations ? (
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="organisation-filter" className="block font-medium">
              Organisation
            </label>
            <select id="organisation-filter" name="organisation" defaultValue={organisationFilter ?? ""} className="field">
              <option value="">Toutes les organisations</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button-secondary">
            Filtrer
          </button>
        </form>
      ) : null}

      <section aria-labelledby="users-list" className="space-y-3">
        <h2 id="users-list" className="text-xl font-semibold">
          {users.length} compte{users.length > 1 ? "s" : ""}
        </h2>
        <div className="relative overflow-x-auto" role="region" aria-label="Tableau des comptes" tabIndex={0}>
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-2 pr-3">Compte</th>
                {isPlatformAdmin ? <th scope="col" className="py-2 pr-3">Organisation</th> : null}
                <th scope="col" className="py-2 pr-3">Rôle</th>
                <th scope="col" className="py-2 pr-3">État</th>
                <th scope="col" className="py-2 pr-3">Créé le</th>
                <th scope="col" className="py-2">Modifier</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const isManageable = user.id !== actor.id && roles.includes(user.role);
                return (
                  <tr key={user.id} className="border-b border-line align-top">
                    <td className="py-3 pr-3">
                      <span className="block font-medium">{user.email}</span>
                      {user.name ? <span className="text-muted">{user.name}</span> : null}
                    </td>
                    {isPlatformAdmin ? <td className="py-3 pr-3">{user.organisation?.name ?? "—"}</td> : null}
                    <td className="py-3 pr-3">{ROLE_LABELS[user.role]}</td>
                    <td className="py-3 pr-3">
                      {user.disabledAt ? `Désactivé le ${formatDate(user.disabledAt)}` : "Actif"}
                      {locked.has(user.email) ? <span className="block font-medium text-red-800">Connexion bloquée</span> : null}
                    </td>
                    <td className="py-3 pr-3">{formatDate(user.createdAt)}</td>
                    <td className="py-3">
                      {isManageable ? (
                        <UserRowActions
                          user={{ id: user.id, email: user.email, role: user.role, isDisabled: user.disabledAt !== null, isLocked: locked.has(user.email) }}
                          roles={roles}
                        />
                      ) : (
                        <span className="text-muted">{user.id === actor.id ? "Votre compte" : "—"}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="users-create" className="space-y-4">
        <h2 id="users-create" className="text-xl font-semibold">
          Créer un compte
        </h2>
        <CreateUserForm
          roles={roles}
          organisations={organisations?.map((organisation) => ({ id: organisation.id, name: organisation.name })) ?? null}
          defaultOrganisationId={organisationFilter ?? undefined}
        />
      </section>
    </div>
  );
}

"use server";
/**
 * Account management. Each action loads the actor again and checks canManageUsers on the
 * TARGET account's organisation (never on a form field it could forge), and that the role given
 * or taken is one the actor may assign.
 */
import crypto from "node:crypto";
import { revalidatePath } from "next/cache";
import { failedState, type FormState } from "@/lib/admin/form-state";
import { assignableRoles, canManageUsers, ensure, type Actor } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import type { UserRole } from "@/lib/db/enums";
import { findOrganisation } from "@/lib/data/organisations";
import { createPasswordToken } from "@/lib/data/password-tokens";
import { createUser, getUser, unlockUserSignIn, updateUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/mailer";
import { invitationMail } from "@/lib/mail/templates";
import { publicOrigin } from "@/lib/request-origin";
import { ZChangeRole, ZCreateUser, ZSetDisabled, ZUnlockUser, fieldErrors } from "@/lib/validation/accounts";

const PATH = "/admin/utilisateurs";

/** The account, if this actor may change it: same organisation, and not above the actor's own level. */
async function manageableUser(actor: Actor, userId: string) {
  const target = await getUser(userId);
  if (!target) throw new AppError("not_found", "Ce compte n'existe pas.");
  ensure(canManageUsers(actor, target.organisationId) && assignableRoles(actor).includes(target.role), "Vous n'avez pas les droits sur ce compte.");
  return target;
}

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    const parsed = ZCreateUser.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    const { email, name, role } = parsed.data;
    if (!assignableRoles(actor).includes(role)) return { errors: { role: "Vous ne pouvez pas donner ce rôle." } };
    // Platform admins choose the organisation; everyone else creates accounts in their own.
    let organisationId: string | null = actor.role === "ADMIN" ? parsed.data.organisationId : actor.organisationId;
    if (role === "ADMIN") organisationId = null;
    if (role !== "ADMIN" && !organisationId) return { errors: { organisationId: "Choisissez l'organisation du compte." } };
    ensure(canManageUsers(actor, organisationId));
    const organisation = organisationId ? await findOrganisation(organisationId) : null;
    if (organisationId && !organisation) return { errors: { organisationId: "Cette organisation n'existe pas." } };

    // Nobody knows this password: the invitation link sets the real one.
    const user = await createUser({ email, name, role, organisationId, password: crypto.randomBytes(32).toString("base64url") }, actor);
    const token = await createPasswordToken(user.id, "invitation");
    revalidatePath(PATH);
    try {
      await sendMail(
        invitationMail(user.email, `${await publicOrigin()}/reinitialiser?token=${encodeURIComponent(token)}`, {
          organisationName: organisation?.name ?? null,
          invitedBy: actor.name ?? actor.email,
        }),
      );
    } catch (error) {
      console.error("invitation mail", error);
      return {
        message: `Le compte ${user.email} est créé, mais l'e-mail d'invitation n'a pas pu partir. La personne peut utiliser « Mot de passe oublié ? » sur la page de connexion.`,
      };
    }
    return { notice: `Compte créé pour ${user.email} : une invitation lui a été envoyée par e-mail pour choisir son mot de passe (lien valable 72 heures).` };
  } catch (error) {
    return failedState(error);
  }
}

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    const parsed = ZChangeRole.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { message: Object.values(fieldErrors(parsed.error))[0] };
    const target = await manageableUser(actor, parsed.data.userId);
    const role: UserRole = parsed.data.role;
    if (target.id === actor.id) return { message: "Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur." };
    if (!assignableRoles(actor).includes(role)) return { message: "Vous ne pouvez pas donner ce rôle." };
    if (role === "ADMIN" ? target.organisationId !== null : target.organisationId === null) {
      return { message: "Un administrateur de la plateforme n'a pas d'organisation ; un compte d'organisation en a une : créez plutôt un nouveau compte." };
    }
    if (role === target.role) return { notice: "Ce compte a déjà ce rôle." };
    await updateUser(target.id, { role }, actor);
    revalidatePath(PATH);
    return { notice: `Rôle de ${target.email} changé.` };
  } catch (error) {
    return failedState(error);
  }
}

export async function setDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    const parsed = ZSetDisabled.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { message: Object.values(fieldErrors(parsed.error))[0] };
    const target = await manageableUser(actor, parsed.data.userId);
    if (target.id === actor.id) return { message: "Vous ne pouvez pas désactiver votre propre compte." };
    await updateUser(target.id, { isDisabled: parsed.data.disable }, actor);
    revalidatePath(PATH);
    return { notice: parsed.data.disable ? `Compte ${target.email} désactivé : ses sessions sont fermées.` : `Compte ${target.email} réactivé.` };
  } catch (error) {
    return failedState(error);
  }
}

/** Lifts the sign-in locks of an account (failed passwords from some source, or the account's slow-down). */
export async function unlockUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    const parsed = ZUnlockUser.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { message: Object.values(fieldErrors(parsed.error))[0] };
    const target = await manageableUser(actor, parsed.data.userId);
    const { lifted } = await unlockUserSignIn(target.id, actor);
    revalidatePath(PATH);
    return { notice: lifted > 0 ? `Connexion de ${target.email} débloquée.` : `La connexion de ${target.email} n'était pas bloquée.` };
  } catch (error) {
    return failedState(error);
  }
}

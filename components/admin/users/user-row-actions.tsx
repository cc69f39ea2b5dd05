"use client";
/** The per-account forms of the accounts list: change the role, disable or enable, unlock the sign-in. */
import { changeRoleAction, setDisabledAction, unlockUserAction } from "@/app/(admin)/admin/utilisateurs/actions";
import { FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/enums";

export function UserRowActions({
  user,
  roles,
}: {
  user: { id: string; email: string; role: UserRole; isDisabled: boolean; isLocked: boolean };
  roles: UserRole[];
}) {
  const { state: roleState, isPending: isRolePending, formProps: roleForm } = useFormAction(changeRoleAction);
  const { state: disableState, isPending: isDisablePending, formProps: disableForm } = useFormAction(setDisabledAction);
  const { state: unlockState, isPending: isUnlockPending, formProps: unlockForm } = useFormAction(unlockUserAction);
  const roleId = `role-${user.id}`;
  return (
    <div className="space-y-2">
      <form {...roleForm} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={roleId} className="sr-only">
          Rôle de {user.email}
        </label>
        <select id={roleId} name="role" defaultValue={user.role} className="field py-1">
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <button type="submit" className="button-secondary py-1" disabled={isRolePending}>
          Changer le rôle<span className="sr-only"> de {user.email}</span>
        </button>
      </form>
      <form {...disableForm}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disable" value={user.isDisabled ? "0" : "1"} />
        <button type="submit" className={user.isDisabled ? "button-secondary py-1" : "button-danger py-1"} disabled={isDisablePending}>
          {user.isDisabled ? "Réactiver" : "Désactiver"}
          <span className="sr-only"> le compte {user.email}</span>
        </button>
      </form>
      {user.isLocked ? (
        <form {...unlockForm}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className="button-secondary py-1" disabled={isUnlockPending}>
            Débloquer la connexion<span className="sr-only"> de {user.email}</span>
          </button>
        </form>
      ) : null}
      <FormMessage
        message={roleState.message ?? disableState.message ?? unlockState.message}
        notice={roleState.notice ?? disableState.notice ?? unlockState.notice}
      />
    </div>
  );
}

"use server";
import { redirect } from "next/navigation";
import { failedState, type FormState } from "@/lib/admin/form-state";
import { passwordProblem } from "@/lib/auth/password";
import { redeemPasswordToken } from "@/lib/data/password-tokens";
import { ZResetPassword, fieldErrors } from "@/lib/validation/accounts";

/** Sets the password through a one-time link; the link is checked again here, not only by the page. */
export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = ZResetPassword.safeParse({
    token: formData.get("token") ?? "",
    password: formData.get("password") ?? "",
    confirmation: formData.get("confirmation") ?? "",
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const problem = passwordProblem(parsed.data.password);
  if (problem) return { errors: { password: problem } };
  try {
    await redeemPasswordToken(parsed.data.token, parsed.data.password);
  } catch (error) {
    return failedState(error);
  }
  redirect("/connexion?reset=1");
}

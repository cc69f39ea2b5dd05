"use client";
/** The sign-in form: next-auth credentials, errors in French, a full page load on success (see STACK-NOTES). */
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorSummary, type SummaryState } from "@/components/forms/error-summary";

/** The French sentence for next-auth's error code ("throttled:<minutes>:<reason>" comes from lib/auth/options.ts). */
function errorMessage(code: string): string {
  if (code.startsWith("throttled:")) {
    const [, count, reason] = code.split(":");
    const minutes = Number(count) || 15;
    const wait = `réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}`;
    if (reason === "source") return `Trop de tentatives de connexion échouées depuis votre connexion. Par sécurité, ${wait}.`;
    if (reason === "account") {
      return `Trop de tentatives de connexion échouées sur ce compte : les essais sont ralentis. ${wait[0]!.toUpperCase()}${wait.slice(1)}, ou choisissez un nouveau mot de passe (« Mot de passe oublié ? »).`;
    }
    return `Trop de tentatives de connexion échouées. Par sécurité, la connexion à ce compte est bloquée depuis votre connexion : ${wait}.`;
  }
  if (code === "CredentialsSignin") return "Adresse e-mail ou mot de passe incorrect.";
  if (code === "unavailable") return "La connexion est impossible pour le moment. Réessayez dans quelques minutes.";
  return "La connexion a échoué. Réessayez dans un instant.";
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  // A new object per failed attempt: the summary takes the focus each time.
  const [error, setError] = useState<SummaryState>({});
  const [isPending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError({});
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError({ message: errorMessage(result?.error ?? "") });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary state={error} fields={{ email: "email" }} messageField="email" title="La connexion a échoué" />
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium">
          Adresse e-mail
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="field w-full" />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-medium">
          Mot de passe
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="field w-full" />
      </div>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Connexion…" : "Se connecter"}
      </button>
    </form>
  );
}

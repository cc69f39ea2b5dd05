"use client";
/** The sign-in form: next-auth credentials, errors in French, a full page load on success (see STACK-NOTES). */
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorSummary, type SummaryState } from "@/components/forms/error-summary";

function errorMessage(code: string): string {
  if (code.startsWith("throttled:")) {
    const minutes = Number(code.split(":")[1]) || 15;
    return `Trop de tentatives de connexion échouées. Par sécurité, la connexion à ce compte est bloquée : réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
  }
  if (code === "CredentialsSignin") return "Adresse e-mail ou mot de passe incorrect.";
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

"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="underline" onClick={() => void signOut({ callbackUrl: "/connexion" })}>
      Se déconnecter
    </button>
  );
}

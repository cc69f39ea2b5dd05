import "server-only";
/**
 * next-auth 4: email + password (bcrypt), JWT sessions. The token carries the user id and the
 * session version only; role, organisation and territory are read from the database on every
 * request (lib/auth/session.ts), so a role change, a disabled account or a password reset takes
 * effect at once. Failed sign-ins are throttled per account and IP (lib/auth/throttle.ts).
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/secret";
import { findUserForSignIn } from "@/lib/data/users";
import { UNUSABLE_HASH, verifyPassword } from "@/lib/auth/password";
import { clearFailures, lockedForMinutes, recordFailure, throttleKeys } from "@/lib/auth/throttle";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** The error a throttled sign-in returns to the form: "throttled:<minutes>". */
export const THROTTLED_ERROR = "throttled";

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : null;
  return first || null;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      name: "Adresse e-mail et mot de passe",
      credentials: { email: { label: "Adresse e-mail", type: "email" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(credentials, request) {
        const email = credentials?.email?.trim().toLowerCase() ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password || email.length > 320 || password.length > 200) return null;
        const keys = throttleKeys(email, clientIp(request?.headers as Record<string, unknown> | undefined));
        const minutes = await lockedForMinutes(keys);
        if (minutes > 0) throw new Error(`${THROTTLED_ERROR}:${minutes}`);
        const user = await findUserForSignIn(email);
        const isValid = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
        if (!user || !isValid || user.disabledAt) {
          await recordFailure(keys);
          return null;
        }
        await clearFailures(email);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid as string, sessionVersion: token.sv as number };
      return session;
    },
  },
};

import "server-only";
/**
 * next-auth 4: email + password (bcrypt), JWT sessions. The token carries the user id and the
 * session version only; role, organisation and territory are read from the database on every
 * request (lib/auth/session.ts), so a role change, a disabled account or a password reset takes
 * effect at once — the session endpoint too answers an empty session for such a token. Failed
 * sign-ins are throttled per account and source (lib/auth/throttle.ts). next-auth passes an
 * error's message to the browser: only our codes ever reach it, never an internal error's text.
 */
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/secret";
import { UNUSABLE_HASH, verifyPassword } from "@/lib/auth/password";
import { recordSignInFailure, recordSignInSuccess, signInBlock, type LockStarted } from "@/lib/auth/throttle";
import { findUserForSignIn, isSessionCurrent } from "@/lib/data/users";
import { clientBucket } from "@/lib/http/client-ip";
import { sendMail } from "@/lib/mail/mailer";
import { signInLockedMail } from "@/lib/mail/templates";
import { env } from "@/lib/env";
import { originOf } from "@/lib/request-origin";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** How long a successful sign-in waits for its bookkeeping write before answering. */
const BOOKKEEPING_WAIT_MS = 2_000;
/** The error a throttled sign-in returns to the form: "throttled:<minutes>:<reason>". */
export const THROTTLED_ERROR = "throttled";
/** The error of a sign-in that failed for a reason of ours (database unavailable…). */
export const UNAVAILABLE_ERROR = "unavailable";

class ThrottledError extends Error {}

/** Tells the owner, in the background: the answer must neither wait for the mail nor say the account exists. */
function mailOwner(email: string, lock: LockStarted, source: string, headers: Record<string, unknown>): void {
  const origin = (env.NEXTAUTH_URL ?? originOf(headers)).replace(/\/$/, "");
  const message = signInLockedMail(email, { lock, source, at: new Date(), signInUrl: `${origin}/connexion`, resetUrl: `${origin}/mot-de-passe-oublie` });
  void sendMail(message).catch((error: unknown) => console.error("sign-in lock mail", error));
}

async function authorize(credentials: Record<string, string> | undefined, headers: Record<string, unknown> = {}) {
  const email = credentials?.email?.trim().toLowerCase() ?? "";
  const password = credentials?.password ?? "";
  if (!email || !password || email.length > 320 || password.length > 200) return null;
  const source = clientBucket(headers);
  const block = await signInBlock(email, source);
  if (block) throw new ThrottledError(`${THROTTLED_ERROR}:${Math.ceil(block.waitMs / 60_000)}:${block.reason}`);
  const user = await findUserForSignIn(email);
  const isValid = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
  if (!user || !isValid || user.disabledAt) {
    const { mailOwner: lock } = await recordSignInFailure(email, source);
    if (lock && user && !user.disabledAt) mailOwner(user.email, lock, source, headers);
    return null;
  }
  // Bookkeeping only: while an import holds SQLite's write lock this write waits up to
  // SQLITE_WRITE_WAIT_MS and may then fail. The right password still signs the user in, after
  // BOOKKEEPING_WAIT_MS at most; the write goes on in the background.
  const bookkeeping = recordSignInSuccess(email, source).catch((error: unknown) => console.error("sign-in success bookkeeping", error));
  await Promise.race([bookkeeping, new Promise((resolve) => setTimeout(resolve, BOOKKEEPING_WAIT_MS).unref())]);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
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
        try {
          return await authorize(credentials, request?.headers as Record<string, unknown> | undefined);
        } catch (error) {
          if (error instanceof ThrottledError) throw error;
          console.error("sign-in", error);
          throw new Error(UNAVAILABLE_ERROR);
        }
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
    /** An empty session (what next-auth answers without a cookie) for a disabled account or an older session version. */
    async session({ session, token }) {
      const nothing = {} as Session;
      try {
        if (typeof token.uid !== "string" || !(await isSessionCurrent(token.uid, token.sv))) return nothing;
      } catch (error) {
        console.error("session check", error);
        return nothing;
      }
      session.user = { ...session.user, id: token.uid as string, sessionVersion: token.sv as number };
      return session;
    },
  },
};

/** next-auth 4's endpoints (sign-in, sign-out, session, CSRF) — configured in lib/auth/options.ts. */
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };

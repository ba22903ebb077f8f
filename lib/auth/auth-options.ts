/**
 * next-auth configuration: email, password and second factor through the Credentials provider, and a
 * JWT cookie that carries nothing but the id of a staff_sessions row (lib/auth/staff-session.ts).
 */
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientAddress } from '@/lib/http/client-address';
import { deriveKey } from '@/lib/security/secret-key';
import { revokeStaffSession } from './revoke-sessions';
import { signIn } from './sign-in';
import { SESSION_MAX_AGE_SECONDS } from './staff-session';
import { BRAND_NAME } from '@/lib/brand';

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

/** The error next-auth hands back to the sign-in form, e.g. "throttled:540". */
function signInErrorCode(result: Exclude<Awaited<ReturnType<typeof signIn>>, { ok: true }>): string {
  return result.error === 'throttled' ? `throttled:${result.retryAfterSeconds}` : result.error;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  // Read on each request, not at import, so a build needs no key; derived from VIGIL_SECRET_KEY.
  get secret() {
    return process.env.NEXTAUTH_SECRET ?? deriveKey('session-signing').toString('base64');
  },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: BRAND_NAME,
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Code', type: 'text' },
      },
      async authorize(credentials, req) {
        const headers = req.headers ?? {};
        const result = await signIn({
          email: credentials?.email,
          password: credentials?.password,
          code: credentials?.code,
          ip: clientAddress(headers),
          userAgent: String(headers['user-agent'] ?? ''),
        });
        if (!result.ok) throw new Error(signInErrorCode(result));
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the session id travels in the cookie; everything else is read from the database.
      if (user?.sessionId) return { sub: token.sub, sid: user.sessionId };
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeStaffSession(token.sid);
    },
  },
};

import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';

// Sign-in, sign-out and CSRF endpoints of next-auth; the Credentials provider checks through lib/auth/sign-in.ts.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };

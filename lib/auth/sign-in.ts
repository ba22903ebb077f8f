/**
 * Checks a sign-in attempt and, when it succeeds, opens a staff session. Unknown addresses, accounts
 * without a password and disabled accounts get the same answer as a wrong password, after the same
 * argon2 work. Used by next-auth's Credentials provider (lib/auth/auth-options.ts).
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { verifyAgainstDummy, verifyPassword } from './password';
import { signInSchema } from './schemas';
import { createStaffSession } from './staff-session';
import { recordSignInAttempt, signInWaitSeconds } from './throttle';
import { consumeSecondFactor } from './two-factor';

export type SignInResult =
  | { ok: true; sessionId: string; userId: string }
  | { ok: false; error: 'invalid_credentials' | 'two_factor_required' | 'invalid_code' }
  | { ok: false; error: 'throttled'; retryAfterSeconds: number };

export interface SignInAttempt {
  email: unknown;
  password: unknown;
  code?: unknown;
  ip: string;
  userAgent: string;
}

export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const parsed = signInSchema.safeParse({ email: attempt.email, password: attempt.password, code: attempt.code ?? '' });
  if (!parsed.success) {
    await verifyAgainstDummy(typeof attempt.password === 'string' ? attempt.password : '');
    return { ok: false, error: 'invalid_credentials' };
  }
  const { email, password, code } = parsed.data;
  const db = await getDb();

  const retryAfterSeconds = await signInWaitSeconds(db, email, attempt.ip);
  if (retryAfterSeconds > 0) return { ok: false, error: 'throttled', retryAfterSeconds };
  const fail = async (error: 'invalid_credentials' | 'invalid_code'): Promise<SignInResult> => {
    await recordSignInAttempt(db, { email, ip: attempt.ip, succeeded: false });
    return { ok: false, error };
  };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const passwordMatches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!user || !passwordMatches || user.disabledAt) return fail('invalid_credentials');

  let method: 'password' | 'totp' | 'recovery_code' = 'password';
  if (user.totpEnabledAt) {
    // The password was right: asking for the second factor is not a failure.
    if (!code) return { ok: false, error: 'two_factor_required' };
    const used = await consumeSecondFactor(db, user, code);
    if (!used) return fail('invalid_code');
    method = used;
  }

  await recordSignInAttempt(db, { email, ip: attempt.ip, succeeded: true });
  const sessionId = await db.transaction(async (tx) => {
    const id = await createStaffSession(tx, { userId: user.id, ip: attempt.ip, userAgent: attempt.userAgent });
    await tx.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { userId: user.id, email: user.email, ip: attempt.ip },
      { action: 'session.sign_in', entityType: 'staff_session', entityId: id, after: { method } },
    );
    return id;
  });
  return { ok: true, sessionId, userId: user.id };
}

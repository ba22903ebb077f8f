/** Accounts and sessions for integration tests, written straight to the test database. */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from './password';
import type { StaffRole } from './roles';
import { createStaffSession, loadStaffSession, type StaffSession } from './staff-session';
import { generateTotpSecret, totpCode, totpStep } from './totp';
import { encryptTotpSecret } from './two-factor';

export const TEST_PASSWORD = 'a long test password 1';
let passwordHash: Promise<string> | undefined;

export interface TestAccount {
  userId: string;
  email: string;
  totpSecret: string | null;
}

export async function createTestAccount(
  options: { role: StaffRole; internalAccess?: boolean; twoFactor?: boolean; email?: string } ,
): Promise<TestAccount> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const db = await getDb();
  const email = options.email ?? `${options.role}-${randomUUID().slice(0, 8)}@test.example`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      role: options.role,
      internalAccess: options.internalAccess ?? false,
      passwordHash: await passwordHash,
    })
    .returning({ id: users.id });
  const userId = row!.id;
  let totpSecret: string | null = null;
  if (options.twoFactor ?? true) {
    totpSecret = generateTotpSecret();
    await db
      .update(users)
      .set({ totpSecretEncrypted: encryptTotpSecret(userId, totpSecret), totpEnabledAt: sql`now()` })
      .where(eq(users.id, userId));
  }
  return { userId, email, totpSecret };
}

/** A fresh, valid session for the account, as the request that made it would see it. */
export async function openTestSession(account: TestAccount, ip = '203.0.113.7'): Promise<StaffSession> {
  const db = await getDb();
  const sessionId = await createStaffSession(db, { userId: account.userId, ip, userAgent: 'vitest' });
  const session = await loadStaffSession(sessionId, ip);
  if (!session) throw new Error('The new test session is not valid');
  return session;
}

export async function sessionForRole(role: StaffRole, options: { internalAccess?: boolean; twoFactor?: boolean } = {}) {
  const account = await createTestAccount({ role, ...options });
  return { account, session: await openTestSession(account) };
}

/** The authenticator code for a time step after any already used (now, or the next step). */
export function currentCode(secret: string, offsetSteps = 0): string {
  return totpCode(secret, totpStep() + offsetSteps);
}

/**
 * Second-factor secrets: TOTP secrets encrypted at rest and bound to their account, enrolment secrets
 * sealed into the setup form (so a half-finished setup stores nothing), and one-time recovery codes.
 */
import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recoveryCodes, users } from '@/db/schema';
import type { Transaction } from '@/db/client';
import { open, seal } from '@/lib/security/secret-box';
import { deriveKey } from '@/lib/security/secret-key';
import { base32Encode, matchTotpStep } from './totp';

const RECOVERY_CODE_COUNT = 10;
/** How long a setup form stays valid after it was shown. */
const ENROLLMENT_TTL_MS = 30 * 60 * 1000;

export function encryptTotpSecret(userId: string, secret: string): string {
  return seal(secret, 'totp-secret-encryption', `user:${userId}`);
}

export function decryptTotpSecret(userId: string, encrypted: string): string | null {
  return open(encrypted, 'totp-secret-encryption', `user:${userId}`);
}

/** The new secret, sealed for one account and a limited time, to travel in the setup form. */
export function sealEnrollment(userId: string, secret: string, now = Date.now()): string {
  return seal(JSON.stringify({ secret, issuedAt: now }), 'totp-enrollment', `user:${userId}`);
}

export function openEnrollment(userId: string, sealed: string, now = Date.now()): string | null {
  const text = open(sealed, 'totp-enrollment', `user:${userId}`);
  if (!text) return null;
  const { secret, issuedAt } = JSON.parse(text) as { secret: string; issuedAt: number };
  return now - issuedAt <= ENROLLMENT_TTL_MS ? secret : null;
}

function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = base32Encode(randomBytes(7)).slice(0, 10);
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

function hashRecoveryCode(code: string): string {
  const normalised = code.toUpperCase().replace(/[^A-Z2-7]/g, '');
  return createHmac('sha256', deriveKey('recovery-code-hashing')).update(normalised).digest('hex');
}

/** Replaces an account's recovery codes; returns the new codes, to be shown once. */
export async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

type Executor = Database | Transaction;

/**
 * Accepts a TOTP code once: the matched time step must be later than the last one used, and it is
 * recorded in the same statement, so two instances cannot both accept one code.
 */
export async function consumeTotpCode(db: Executor, userId: string, secret: string, code: string): Promise<boolean> {
  const step = matchTotpStep(secret, code);
  if (step === null) return false;
  const updated = await db
    .update(users)
    .set({ totpLastUsedStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastUsedStep), lt(users.totpLastUsedStep, step))))
    .returning({ id: users.id });
  return updated.length === 1;
}

async function consumeRecoveryCode(db: Executor, userId: string, code: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

/** A six-digit code is tried as TOTP, anything else as a recovery code. */
export async function consumeSecondFactor(
  db: Executor,
  user: { id: string; totpSecretEncrypted: string | null },
  code: string,
): Promise<'totp' | 'recovery_code' | null> {
  const trimmed = code.trim();
  if (/^\d{3}\s?\d{3}$/.test(trimmed)) {
    const secret = user.totpSecretEncrypted ? decryptTotpSecret(user.id, user.totpSecretEncrypted) : null;
    return secret && (await consumeTotpCode(db, user.id, secret, trimmed)) ? 'totp' : null;
  }
  return (await consumeRecoveryCode(db, user.id, trimmed)) ? 'recovery_code' : null;
}

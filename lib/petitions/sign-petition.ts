/**
 * Signing, as the sign form, the embed widget and the partners' API all do it (public: no session).
 * The answer to an accepted signature never says whether the address had signed before, or was
 * blocked: a new signature, a repeated one and a blocked one all get `accepted`. Each attempt from
 * an address counts toward its per-petition limits (kept in Postgres, by keyed hash).
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitionIdempotencyKeys, petitions, petitionSignAttempts, petitionSignatures, petitionBlocklist } from '@/db/schema';
import type { Transaction } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { hashAddress } from './address-hash';
import { CONFIRMATION_TTL_DAYS, hashConfirmationToken, newConfirmationToken, RESEND_INTERVAL_SECONDS } from './confirmation-token';
import { normaliseEmail } from './normalise-email';
import { alreadySignedMail, confirmationMail } from './petition-mail';
import { petitionIsPublic, siteSigningPaused } from './public-queries';
import { SIGN_FIELDS, signPetitionSchema, type SignPetitionData } from './schemas';
import { signingRefusal } from './signing-refusal';
import type { SigningRefusal } from './vocabulary';

/** Per address and petition, as the UK Parliament's site: 1 a minute, 5 in 5 minutes. */
export const SIGNING_LIMITS = [
  { windowSeconds: 60, max: 1 },
  { windowSeconds: 300, max: 5 },
] as const;

export type SignOutcome =
  | { kind: 'accepted' }
  | { kind: 'invalid'; field: string; error: string }
  | { kind: 'not_found' }
  | { kind: 'not_accepting'; reason: SigningRefusal }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'idempotency_key_reused' };

export interface SigningContext {
  /** The signer's network address (lib/petitions/signer-address.ts). */
  ip: string;
  /** The site's origin, for the links in the confirmation mail. */
  origin: string;
  /** A partner's Idempotency-Key header: a retry with the same key and body is answered, not signed again. */
  idempotencyKey?: string | null;
}

// Any fixed 32-bit number: the first key of the per-address advisory lock.
const ATTEMPT_LOCK_CLASS = 72_118_432;

class Refused extends Error {
  constructor(readonly outcome: SignOutcome) {
    super(outcome.kind);
  }
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): { field: string; error: string } {
  const issues = [...error.issues].sort(
    (a, b) => SIGN_FIELDS.indexOf(a.path[0] as never) - SIGN_FIELDS.indexOf(b.path[0] as never),
  );
  const issue = issues[0]!;
  return { field: String(issue.path[0] ?? 'form'), error: issue.message };
}

export async function signPetition(slug: string, input: unknown, context: SigningContext): Promise<SignOutcome> {
  const parsed = signPetitionSchema.safeParse(input);
  if (!parsed.success) return { kind: 'invalid', ...firstIssue(parsed.error) };
  const data = parsed.data;
  const email = normaliseEmail(data.email);
  const ip = isIP(context.ip) ? context.ip : null;
  const ipHash = hashAddress(context.ip);

  const db = await getDb();
  const [petition] = await db
    .select({
      id: petitions.id,
      title: petitions.title,
      status: petitions.status,
      opensAt: petitions.opensAt,
      closesAt: petitions.closesAt,
      sitePaused: siteSigningPaused,
      blocked: sql<boolean>`exists (
        select 1 from ${petitionBlocklist} b
        where (b.kind = 'email_domain' and (b.domain = ${email.domain} or right(${email.domain}, length(b.domain) + 1) = '.' || b.domain))
           or (b.kind = 'ip_range' and ${ip}::inet <<= b.ip_range)
      )`,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(and(eq(petitions.slug, slug), petitionIsPublic))
    .limit(1);
  if (!petition) return { kind: 'not_found' };
  const refusal = signingRefusal(petition, petition.sitePaused);
  if (refusal) return { kind: 'not_accepting', reason: refusal };
  // Refused in silence: an abuser learns nothing from the answer.
  if (petition.blocked) return { kind: 'accepted' };

  try {
    return await db.transaction(async (tx) => {
      if (context.idempotencyKey) {
        const replay = await claimIdempotencyKey(tx, petition.id, context.idempotencyKey, data);
        if (replay) return replay;
      }
      await enforceLimits(tx, petition.id, ipHash);
      await recordSignature(tx, { id: petition.id, title: petition.title }, data, email, ipHash, context.origin);
      return { kind: 'accepted' } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}

/** Null when the key is new (and now taken by this transaction); else the answer for the retry. */
async function claimIdempotencyKey(tx: Transaction, petitionId: string, key: string, data: SignPetitionData): Promise<SignOutcome | null> {
  const keyHash = createHash('sha256').update(key, 'utf8').digest('hex');
  const requestHash = createHash('sha256').update(JSON.stringify(data), 'utf8').digest('hex');
  // A concurrent request with the same key waits here until this transaction ends.
  const claimed = await tx
    .insert(petitionIdempotencyKeys)
    .values({ petitionId, keyHash, requestHash })
    .onConflictDoNothing()
    .returning({ keyHash: petitionIdempotencyKeys.keyHash });
  if (claimed.length > 0) return null;
  const [existing] = await tx
    .select({ requestHash: petitionIdempotencyKeys.requestHash })
    .from(petitionIdempotencyKeys)
    .where(and(eq(petitionIdempotencyKeys.petitionId, petitionId), eq(petitionIdempotencyKeys.keyHash, keyHash)));
  return existing?.requestHash === requestHash ? { kind: 'accepted' } : { kind: 'idempotency_key_reused' };
}

async function enforceLimits(tx: Transaction, petitionId: string, ipHash: string): Promise<void> {
  // Serialises attempts from one address on one petition, so two at once cannot both pass.
  await tx.execute(sql`select pg_advisory_xact_lock(${ATTEMPT_LOCK_CLASS}, hashtext(${`${petitionId}:${ipHash}`}))`);
  const longest = Math.max(...SIGNING_LIMITS.map((limit) => limit.windowSeconds));
  const windows = SIGNING_LIMITS.map(
    (limit) => sql`case when count(*) filter (where ${petitionSignAttempts.createdAt} > now() - make_interval(secs => ${limit.windowSeconds})) >= ${limit.max}
      then ceil(extract(epoch from (
        (array_agg(${petitionSignAttempts.createdAt} order by ${petitionSignAttempts.createdAt} desc))[${limit.max}::int] + make_interval(secs => ${limit.windowSeconds}) - now()
      )))::int else 0 end`,
  );
  const [row] = await tx
    .select({ retryAfter: sql<number>`greatest(${sql.join(windows, sql`, `)})`.mapWith(Number) })
    .from(petitionSignAttempts)
    .where(
      and(
        eq(petitionSignAttempts.petitionId, petitionId),
        eq(petitionSignAttempts.ipHash, ipHash),
        sql`${petitionSignAttempts.createdAt} > now() - make_interval(secs => ${longest})`,
      ),
    );
  const retryAfter = row?.retryAfter ?? 0;
  if (retryAfter > 0) throw new Refused({ kind: 'rate_limited', retryAfterSeconds: retryAfter });
  await tx.insert(petitionSignAttempts).values({ petitionId, ipHash });
}

async function recordSignature(
  tx: Transaction,
  petition: { id: string; title: string },
  data: SignPetitionData,
  email: { normalised: string; domain: string },
  ipHash: string,
  origin: string,
): Promise<void> {
  const token = newConfirmationToken();
  const expiresAt = sql`now() + make_interval(days => ${CONFIRMATION_TTL_DAYS})`;
  const [inserted] = await tx
    .insert(petitionSignatures)
    .values({
      petitionId: petition.id,
      email: data.email,
      emailNormalised: email.normalised,
      emailDomain: email.domain,
      name: data.name,
      country: data.country,
      display: data.display,
      wantsUpdates: data.wantsUpdates,
      locale: data.locale,
      ipHash,
      confirmationTokenHash: hashConfirmationToken(token),
      confirmationExpiresAt: expiresAt,
      confirmationSentAt: sql`now()`,
    })
    .onConflictDoNothing({ target: [petitionSignatures.petitionId, petitionSignatures.emailNormalised] })
    .returning({ id: petitionSignatures.id });
  if (inserted) {
    await enqueueMail(tx, confirmationMail({ signatureId: inserted.id, email: data.email, locale: data.locale }, petition.title, token, origin));
    return;
  }

  // Signed before. The person at this address gets a mail (at most one per RESEND_INTERVAL); the
  // choices made the first time stay as they were: whoever typed the address now may not be its owner.
  const [existing] = await tx
    .update(petitionSignatures)
    .set({
      confirmationSentAt: sql`now()`,
      // Only a pending signature gets a new link; the previous one stops working.
      confirmationTokenHash: sql`case when ${petitionSignatures.confirmedAt} is null then ${hashConfirmationToken(token)} else ${petitionSignatures.confirmationTokenHash} end`,
      confirmationExpiresAt: sql`case when ${petitionSignatures.confirmedAt} is null then ${expiresAt} else ${petitionSignatures.confirmationExpiresAt} end`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(petitionSignatures.petitionId, petition.id),
        eq(petitionSignatures.emailNormalised, email.normalised),
        sql`(${petitionSignatures.confirmationSentAt} is null or ${petitionSignatures.confirmationSentAt} < now() - make_interval(secs => ${RESEND_INTERVAL_SECONDS}))`,
      ),
    )
    .returning({ id: petitionSignatures.id, email: petitionSignatures.email, locale: petitionSignatures.locale, confirmedAt: petitionSignatures.confirmedAt });
  if (!existing?.email) return;
  const recipient = { signatureId: existing.id, email: existing.email, locale: existing.locale };
  await enqueueMail(
    tx,
    existing.confirmedAt
      ? alreadySignedMail(recipient, petition.title, origin)
      : confirmationMail(recipient, petition.title, token, origin),
  );
}

/**
 * Signing, as the sign form, the embed widget and the partners' API all do it (public: no session).
 * The answer to an accepted signature never says whether the address had signed before, or was
 * blocked: a new signature, a repeated one and a blocked one all get `accepted`. Each attempt from
 * an address counts toward its per-petition limits (kept in Postgres, by keyed hash).
 *
 * A surge is hundreds of signatures a second, so a new signature is one SQL statement, one round
 * trip: blocklist check, the address's window (an upsert that locks that address's row, so its
 * attempts are judged one at a time), the idempotency key, the signature and its confirmation mail.
 * Only a repeated signature takes a second statement.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitionIdempotencyKeys, petitionSignatures } from '@/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue-mail';
import { hashAddress } from './address-hash';
import { CONFIRMATION_TTL_DAYS, hashConfirmationToken, newConfirmationToken, RESEND_INTERVAL_SECONDS } from './confirmation-token';
import { normaliseEmail } from './normalise-email';
import { alreadySignedMail, confirmationMail } from './petition-mail';
import { findSigningPetition } from './find-signing-petition';
import { runPrepared } from './prepared-statement';
import { SIGN_FIELDS, signPetitionSchema } from './schemas';
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
  const petition = await findSigningPetition(slug);
  if (!petition) return { kind: 'not_found' };
  const refusal = signingRefusal(petition, petition.sitePaused);
  if (refusal) return { kind: 'not_accepting', reason: refusal };

  const email = normaliseEmail(data.email);
  const ipHash = hashAddress(context.ip);
  const idempotency = context.idempotencyKey
    ? {
        keyHash: createHash('sha256').update(context.idempotencyKey, 'utf8').digest('hex'),
        requestHash: createHash('sha256').update(JSON.stringify(data), 'utf8').digest('hex'),
      }
    : null;
  // A retry of a request already answered gets the same answer, before any limit applies.
  if (idempotency) {
    const replay = await replayIdempotent(petition.id, idempotency);
    if (replay) return replay;
  }

  const signatureId = randomUUID();
  const token = newConfirmationToken();
  const mail = confirmationMail({ signatureId, email: data.email, locale: data.locale }, petition.title, token, context.origin);
  const [outcome] = await runPrepared<{ blocked: boolean; allowed: boolean | null; retry_after: number | null; claimed: number; inserted: number }>(sql`
    with blocked as (
      select exists (
        select 1 from petition_blocklist b
        where (b.kind = 'email_domain' and (b.domain = ${email.domain} or right(${email.domain}, length(b.domain) + 1) = '.' || b.domain))
           or (b.kind = 'ip_range' and ${isIP(context.ip) ? context.ip : null}::inet <<= b.ip_range)
      ) as yes
    ),
    address_window as (
      insert into petition_address_windows as w (petition_id, ip_hash, attempt_times, allowed, retry_after_seconds)
      select ${petition.id}, ${ipHash}, array[now()], true, 0 from blocked where not blocked.yes
      on conflict (petition_id, ip_hash) do update set
        allowed = ${attemptAllowed},
        retry_after_seconds = case when ${attemptAllowed} then 0 else ${retryAfter} end,
        attempt_times = case when ${attemptAllowed} then array_append(${recentAttempts}, now()) else ${recentAttempts} end,
        updated_at = now()
      returning allowed, retry_after_seconds
    ),
    claim as (
      insert into petition_idempotency_keys (petition_id, key_hash, request_hash)
      select ${petition.id}, ${idempotency?.keyHash ?? null}, ${idempotency?.requestHash ?? null}
      from address_window where address_window.allowed and ${idempotency?.keyHash ?? null}::text is not null
      on conflict do nothing
      returning key_hash
    ),
    signature as (
      insert into petition_signatures (id, petition_id, email, email_normalised, email_domain, name, country, display,
        wants_updates, locale, ip_hash, confirmation_token_hash, confirmation_expires_at, confirmation_sent_at)
      select ${signatureId}, ${petition.id}, ${data.email}, ${email.normalised}, ${email.domain}, ${data.name}, ${data.country},
        ${data.display}, ${data.wantsUpdates}, ${data.locale}, ${ipHash}, ${hashConfirmationToken(token)},
        now() + make_interval(days => ${CONFIRMATION_TTL_DAYS}), now()
      from address_window
      where address_window.allowed and (${idempotency?.keyHash ?? null}::text is null or exists (select 1 from claim))
      on conflict (petition_id, email_normalised) do nothing
      returning id
    ),
    mail as (
      insert into mail_outbox (to_address, subject, text_body)
      select ${mail.to}, ${mail.subject}, ${mail.text} from signature
      returning id
    )
    select (select yes from blocked) as blocked,
      (select allowed from address_window) as allowed,
      (select retry_after_seconds from address_window) as retry_after,
      (select count(*) from claim)::int as claimed,
      (select count(*) from signature)::int as inserted,
      (select count(*) from mail)::int as mailed
  `);
  if (!outcome) throw new Error('The signing statement returned no row');
  // Refused in silence: an abuser learns nothing from the answer.
  if (outcome.blocked) return { kind: 'accepted' };
  if (!outcome.allowed) {
    // A concurrent twin of a keyed request may have been accepted meanwhile: answer as it was.
    const replay = idempotency ? await replayIdempotent(petition.id, idempotency) : null;
    return replay ?? { kind: 'rate_limited', retryAfterSeconds: Math.max(1, outcome.retry_after ?? 60) };
  }
  if (idempotency && outcome.claimed === 0) return (await replayIdempotent(petition.id, idempotency)) ?? { kind: 'accepted' };
  if (outcome.inserted === 0) await signedBefore(petition, email.normalised, token, context.origin);
  return { kind: 'accepted' };
}

/** The answer for a request whose Idempotency-Key was already used, or null if it was not. */
async function replayIdempotent(petitionId: string, idempotency: { keyHash: string; requestHash: string }): Promise<SignOutcome | null> {
  const db = await getDb();
  const [existing] = await db
    .select({ requestHash: petitionIdempotencyKeys.requestHash })
    .from(petitionIdempotencyKeys)
    .where(and(eq(petitionIdempotencyKeys.petitionId, petitionId), eq(petitionIdempotencyKeys.keyHash, idempotency.keyHash)));
  if (!existing) return null;
  return existing.requestHash === idempotency.requestHash ? { kind: 'accepted' } : { kind: 'idempotency_key_reused' };
}

// The address's window, inside the upsert above: `w` is its row. Built from SIGNING_LIMITS.
const LONGEST_WINDOW = Math.max(...SIGNING_LIMITS.map((limit) => limit.windowSeconds));
const within = (seconds: number) => sql`(select count(*) from unnest(w.attempt_times) t where t > now() - make_interval(secs => ${seconds}))`;
const attemptAllowed: SQL = sql`(${sql.join(
  SIGNING_LIMITS.map((limit) => sql`${within(limit.windowSeconds)} < ${limit.max}`),
  sql` and `,
)})`;
const retryAfter: SQL = sql`greatest(${sql.join(
  SIGNING_LIMITS.map(
    (limit) => sql`case when ${within(limit.windowSeconds)} >= ${limit.max} then ceil(extract(epoch from (
      (select t from unnest(w.attempt_times) t where t > now() - make_interval(secs => ${limit.windowSeconds}) order by t desc offset ${limit.max - 1} limit 1)
      + make_interval(secs => ${limit.windowSeconds}) - now())))::int else 0 end`,
  ),
  sql`, `,
)})`;
const recentAttempts: SQL = sql`array(select t from unnest(w.attempt_times) t where t > now() - make_interval(secs => ${LONGEST_WINDOW}) order by t)`;

/**
 * Signed before: the person at this address gets a mail (at most one per RESEND_INTERVAL), a new link
 * if still unconfirmed, an "already signed" note if confirmed. The choices made the first time stay
 * as they were: whoever typed the address now may not be its owner.
 */
async function signedBefore(petition: { id: string; title: string }, emailNormalised: string, token: string, origin: string): Promise<void> {
  const db = await getDb();
  const expiresAt = sql`now() + make_interval(days => ${CONFIRMATION_TTL_DAYS})`;
  await db.transaction(async (tx) => {
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
          eq(petitionSignatures.emailNormalised, emailNormalised),
          sql`(${petitionSignatures.confirmationSentAt} is null or ${petitionSignatures.confirmationSentAt} < now() - make_interval(secs => ${RESEND_INTERVAL_SECONDS}))`,
        ),
      )
      .returning({ id: petitionSignatures.id, email: petitionSignatures.email, locale: petitionSignatures.locale, confirmedAt: petitionSignatures.confirmedAt });
    if (!existing?.email) return;
    const recipient = { signatureId: existing.id, email: existing.email, locale: existing.locale };
    await enqueueMail(
      tx,
      existing.confirmedAt ? alreadySignedMail(recipient, petition.title, origin) : confirmationMail(recipient, petition.title, token, origin),
    );
  });
}

/**
 * Signing, as the sign form, the embed widget and the partners' API all do it (public: no session).
 * The answer to an accepted signature never says whether the address had signed before, or was
 * blocked or held: a new signature, a repeated one, a held one and a blocked one all get `accepted`.
 * Each attempt from an address counts toward its per-petition ceiling (kept in Postgres, by keyed
 * hash); past it, signatures are held: stored, mailed, confirmable, not counted until an organizer
 * releases them (lib/petitions/address-ceiling.ts). During a petition's event (a rally) the ceiling is
 * the event's (lib/petitions/start-petition-event.ts). Nobody is refused for sharing an address.
 *
 * A surge is hundreds of signatures a second, so a new signature is written by one SQL statement
 * (petition still accepting, blocklist, the address's window, the idempotency key, the signature and
 * its confirmation mail), and signatures arriving together share that statement and its commit
 * (group commit). Only a repeated signature takes a second statement.
 */
import 'server-only';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitionIdempotencyKeys, petitionSignatures, petitions } from '@/db/schema';
import { enqueueMail, type OutgoingMail } from '@/lib/mail/enqueue-mail';
import { addressCeiling } from './address-ceiling';
import { alreadySignedMail, CONFIRMATION_TTL_DAYS, confirmationMail, hashConfirmationToken, newConfirmationToken, RESEND_INTERVAL_SECONDS } from './petition-mail';
import { findSigningPetition, forgetSigningPetitions, signingRefusal } from './find-signing-petition';
import { processShared } from '@/lib/runtime/process-shared';
import { deriveKey } from '@/lib/security/secret-key';
import { isDatabaseUnavailable, ServiceUnavailableError } from '@/lib/runtime/unavailable';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { createGroupCommit } from '@/db/group-commit';
import { petitionAcceptsSignatures, petitionIsPublic } from './public-queries';
import { type PreparedStatement, prepareStatement, runPrepared } from '@/db/prepared-statement';
import { SIGN_FIELDS, signPetitionSchema } from './schemas';
import type { SigningRefusal } from './vocabulary';

export type SignOutcome =
  | { kind: 'accepted' }
  | { kind: 'invalid'; field: string; error: string }
  | { kind: 'not_found' }
  | { kind: 'not_accepting'; reason: SigningRefusal }
  | { kind: 'idempotency_key_reused' };

export interface SigningContext {
  /** The signer's network address, as server.ts decided it (lib/http/client-address.ts). */
  ip: string;
  /** The site's origin, for the links in the confirmation mail. */
  origin: string;
  /** A partner's Idempotency-Key header: a retry with the same key and body is answered, not signed again. */
  idempotencyKey?: string | null;
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): { field: string; error: string } {
  const order: readonly PropertyKey[] = SIGN_FIELDS;
  const issues = [...error.issues].sort((a, b) => order.indexOf(a.path[0] ?? 'form') - order.indexOf(b.path[0] ?? 'form'));
  const issue = issues[0]!;
  return { field: String(issue.path[0] ?? 'form'), error: issue.message };
}

/**
 * The key of "one signature per person": an e-mail address reduced to the mailbox it reaches.
 * Case never matters. Gmail ignores dots in the local part; Gmail and the big providers below
 * deliver "name+anything@" to "name@", so the tag is dropped there. Other domains are left alone:
 * elsewhere "a.b" and "ab" may be different people.
 */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAG_DOMAINS = new Set([
  ...GMAIL_DOMAINS,
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'fastmail.com',
  'naver.com',
]);

export function normaliseEmail(email: string): { normalised: string; domain: string } {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  let local = lower.slice(0, at);
  const domain = lower.slice(at + 1).replace(/\.$/, '');
  let mailboxDomain = domain;
  if (PLUS_TAG_DOMAINS.has(domain)) local = local.split('+')[0]!;
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    mailboxDomain = 'gmail.com';
  }
  return { normalised: `${local}@${mailboxDomain}`, domain };
}

/**
 * Signers' network addresses are never stored: only a keyed hash (HMAC with a key derived from
 * VIGIL_SECRET_KEY), enough to count attempts per address and to invalidate a flood from one, and
 * useless to anyone who reads the database without the key.
 */
let addressKey: Buffer | undefined;

function hashAddress(ip: string): string {
  addressKey ??= deriveKey('signer-address-hashing');
  return createHmac('sha256', addressKey).update(ip.trim().toLowerCase(), 'utf8').digest('hex').slice(0, 32);
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
  const outcome = await signingQueue.submit({
    petitionId: petition.id,
    ipHash,
    ip: isIP(context.ip) ? context.ip : null,
    email: data.email,
    emailNormalised: email.normalised,
    emailDomain: email.domain,
    name: data.name,
    country: data.country,
    display: data.display,
    wantsUpdates: data.wantsUpdates,
    locale: data.locale,
    signatureId,
    tokenHash: hashConfirmationToken(token),
    keyHash: idempotency?.keyHash ?? null,
    requestHash: idempotency?.requestHash ?? null,
    ceiling: addressCeiling().signatures,
    mail,
  });
  // Closed, paused or unpublished since this instance last looked: judged by the database, not the memo.
  if (!outcome.accepting) {
    forgetSigningPetitions();
    const now = await findSigningPetition(slug);
    if (!now) return { kind: 'not_found' };
    return { kind: 'not_accepting', reason: signingRefusal(now, now.sitePaused) ?? 'paused' };
  }
  // Refused in silence: an abuser learns nothing from the answer.
  if (outcome.blocked) return { kind: 'accepted' };
  if (idempotency && !outcome.claimed) return (await replayIdempotent(petition.id, idempotency)) ?? { kind: 'accepted' };
  if (!outcome.inserted) await signedBefore(petition, email.normalised, token, context.origin);
  return { kind: 'accepted' };
}

/** One signature as the signing statement takes it: everything computed, nothing yet judged. */
interface SigningRow {
  petitionId: string;
  ipHash: string;
  /** The address when it is a valid IP (for the blocklist's ranges), else null. */
  ip: string | null;
  email: string;
  emailNormalised: string;
  emailDomain: string;
  name: string;
  country: string;
  display: string;
  wantsUpdates: boolean;
  locale: string;
  signatureId: string;
  tokenHash: string;
  keyHash: string | null;
  requestHash: string | null;
  /** Signatures from one address in the current window that count; later ones are held (a running event may raise it). */
  ceiling: number;
  mail: OutgoingMail;
}

/** What the database decided for one row. */
interface SigningVerdict {
  /** The petition takes signatures now (open, within its dates, not paused, public). */
  accepting: boolean;
  blocked: boolean;
  /** Past the address's ceiling: stored, but not counted until an organizer releases it. */
  held: boolean;
  /** The idempotency key was claimed by this row. */
  claimed: boolean;
  /** A new signature row (and its confirmation mail) was written. */
  inserted: boolean;
}

/**
 * Signatures arriving together are written together (lib/petitions/group-commit.ts): one statement,
 * one commit for the batch. Rows of one e-mail or one idempotency key never share a batch, so each
 * is judged after the other as if alone; rows of one address do (a crowd behind one NAT signs at full
 * speed), and are ranked within the batch against the address's ceiling. One queue per process, whichever copy of this
 * module (the API's, the sign form's action) a signature comes through.
 */
const SIGNING_QUEUE_MAX_WAITING = 400;
export const SIGNING_QUEUE_MAX_WAIT_MS = 2_000;

const signingQueue = processShared('signingQueue', () => createGroupCommit<SigningRow, SigningVerdict>({
  maxBatch: 200,
  // Bounded (answered 503 with Retry-After past either bound): a stalled database never piles up work.
  maxWaiting: SIGNING_QUEUE_MAX_WAITING,
  maxWaitMs: SIGNING_QUEUE_MAX_WAIT_MS,
  refuse: (reason) => new ServiceUnavailableError(reason === 'full' ? 'queue_full' : 'queue_deadline', 2),
  // A database outage fails the batch as a whole; retrying 200 signatures one by one would only wait longer.
  retryEach: (error) => !isDatabaseUnavailable(error),
  onBatch: (size) => metrics().signingBatchSize.observe(size),
  onQueueLength: (length) => metrics().signingQueueDepth.set(length),
  // One statement at a time per instance: measured with bench/sign.ts at 50 clients, one in flight made
  // batches twice as large as two did (7.7 against 3.9 signatures a statement) and signing faster
  // (694/s against 557/s). A lone signer still goes at once.
  maxInFlight: 1,
  keys: (row) => [
    `e:${row.petitionId}:${row.emailNormalised}`,
    ...(row.keyHash ? [`k:${row.petitionId}:${row.keyHash}`] : []),
  ],
  run: runSigningStatement,
  onBatchFailure: (error, size) => logger().warn({ err: error, size }, 'a batch of signatures failed; signing them one by one'),
}));

/** How full the signing queue is, for readiness (app/api/health). */
export function signingQueueLoad(): { waiting: number; inFlight: number; maxWaiting: number } {
  return { ...signingQueue.state(), maxWaiting: SIGNING_QUEUE_MAX_WAITING };
}

/**
 * The batch as one statement. Each row: is the petition accepting (checked here, so a close or pause
 * made on any instance holds at once), is it blocklisted, the address's window (an upsert whose row
 * lock judges an address's attempts one at a time), the idempotency key, the signature, its mail.
 * Row locks are taken in one order in every batch (address windows by key, then keys, then e-mails:
 * each step reads the previous one sorted, so it has finished), so two batches never deadlock.
 */
async function runSigningStatement(rows: SigningRow[]): Promise<SigningVerdict[]> {
  // The batch travels as one JSON parameter: one value to bind, the same on both engines.
  const input = JSON.stringify(
    rows.map((row, ord) => ({
      ord,
      petition_id: row.petitionId,
      ip_hash: row.ipHash,
      ip: row.ip,
      email: row.email,
      email_normalised: row.emailNormalised,
      email_domain: row.emailDomain,
      name: row.name,
      country: row.country,
      display: row.display,
      wants_updates: row.wantsUpdates,
      locale: row.locale,
      signature_id: row.signatureId,
      token_hash: row.tokenHash,
      key_hash: row.keyHash,
      request_hash: row.requestHash,
      ceiling: row.ceiling,
      mail_to: row.mail.to,
      mail_subject: row.mail.subject,
      mail_text: row.mail.text,
      mail_list_unsubscribe: row.mail.listUnsubscribe ?? null,
    })),
  );
  const result = await runPrepared<{
    ord: number;
    accepting: boolean;
    blocked: boolean;
    held: boolean;
    claimed: boolean;
    inserted: boolean;
  }>((signingStatement ??= prepareStatement(signingSql())), { input });
  // One verdict per row, in the rows' order (`order by r.ord`); group-commit.ts refuses any other count.
  return result.map((row) => ({
    accepting: row.accepting,
    blocked: row.blocked,
    held: row.held,
    claimed: row.claimed,
    inserted: row.inserted,
  }));
}

let signingStatement: PreparedStatement | undefined;

/** The signing statement, built once: its only varying value is the batch (the `input` placeholder). */
function signingSql(): SQL {
  return sql`
    with input as (
      select * from json_to_recordset(${sql.placeholder('input')}::json) as i(ord int, petition_id uuid, ip_hash text, ip inet, email text,
        email_normalised text, email_domain text, name text, country text, display text, wants_updates boolean, locale text,
        signature_id uuid, token_hash text, key_hash text, request_hash text, ceiling int, mail_to text, mail_subject text, mail_text text, mail_list_unsubscribe text)
    ),
    judged as (
      select i.*,
        exists (
          select 1 from ${petitions} join ${cases} on ${cases.id} = ${petitions.caseId}
          where ${petitions.id} = i.petition_id and ${petitionIsPublic} and ${petitionAcceptsSignatures}
        ) as accepting,
        exists (
          select 1 from petition_blocklist b
          where (b.kind = 'email_domain' and (b.domain = i.email_domain or right(i.email_domain, length(b.domain) + 1) = '.' || b.domain))
             or (b.kind = 'ip_range' and i.ip <<= b.ip_range)
             or (b.kind = 'ip_hash' and b.ip_hash = i.ip_hash)
        ) as blocked,
        -- During a petition's event (a rally) its ceiling is the event's, if higher: judged here, by the
        -- database's clock, so every instance applies an event from the moment it starts until it ends.
        greatest(i.ceiling, coalesce((
          select e.address_ceiling from petition_events e
          where e.petition_id = i.petition_id and e.ended_at is null and e.starts_at <= now() and e.ends_at > now()
        ), 0)) as address_ceiling
      from input i
    ),
    address_window as (
      insert into petition_address_windows as w (petition_id, ip_hash, window_started_at, attempts)
      select petition_id, ip_hash, now(), count(*) from judged where accepting and not blocked
      group by petition_id, ip_hash
      order by petition_id, ip_hash
      on conflict (petition_id, ip_hash) do update set
        window_started_at = case when ${windowIsCurrent} then w.window_started_at else now() end,
        attempts = case when ${windowIsCurrent} then w.attempts else 0 end + excluded.attempts,
        updated_at = now()
      returning w.petition_id, w.ip_hash, w.attempts
    ),
    windowed as materialized (
      -- The address's attempts before this batch, plus this row's place among the batch's own.
      select j.*, (aw.attempts - count(*) over from_address + row_number() over (from_address order by j.ord)) > j.address_ceiling as held
      from judged j left join address_window aw on aw.petition_id = j.petition_id and aw.ip_hash = j.ip_hash
      window from_address as (partition by j.petition_id, j.ip_hash, j.accepting and not j.blocked)
      order by j.petition_id, j.key_hash
    ),
    claim as (
      insert into petition_idempotency_keys (petition_id, key_hash, request_hash)
      select petition_id, key_hash, request_hash from windowed where accepting and not blocked and key_hash is not null
      order by petition_id, key_hash
      on conflict do nothing
      returning petition_id, key_hash
    ),
    ready as materialized (
      select w.*, (w.key_hash is not null and c.key_hash is not null) as claimed
      from windowed w left join claim c on c.petition_id = w.petition_id and c.key_hash = w.key_hash
      order by w.petition_id, w.email_normalised
    ),
    signature as (
      insert into petition_signatures (id, petition_id, email, email_normalised, email_domain, name, country, display,
        wants_updates, locale, ip_hash, confirmation_token_hash, confirmation_expires_at, confirmation_sent_at, held_at)
      select signature_id, petition_id, email, email_normalised, email_domain, name, country, display::signer_display,
        wants_updates, locale, ip_hash, token_hash, now() + make_interval(days => ${CONFIRMATION_TTL_DAYS}), now(),
        case when held then now() end
      from ready
      where accepting and not blocked and (key_hash is null or claimed)
      order by petition_id, email_normalised
      on conflict (petition_id, email_normalised) do nothing
      returning id
    ),
    mail as (
      insert into mail_outbox (to_address, subject, text_body, list_unsubscribe)
      select r.mail_to, r.mail_subject, r.mail_text, r.mail_list_unsubscribe from ready r join signature s on s.id = r.signature_id
      returning id
    )
    select r.ord, r.accepting, r.blocked, coalesce(r.held, false) as held, r.claimed,
      exists (select 1 from signature s where s.id = r.signature_id) as inserted
    from ready r
    order by r.ord
  `;
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

// The address's window, inside the upsert above (`w` is its row): still current, or to start again.
const windowIsCurrent: SQL = sql`w.window_started_at > now() - make_interval(secs => ${addressCeiling().windowSeconds})`;

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

/**
 * Sends queued mail, at most once per message, several at a time.
 *
 * Each message is claimed before it goes to SMTP (status `sending`, `claimed_by` this process, committed
 * on its own) and marked after (`sent` with the SMTP Message-ID and answer, or back to `pending`). A crash,
 * a database outage or a broken SMTP connection between the two can therefore never send it again:
 * - outcomes that could not be recorded stay in this process's memory and are recorded first thing next
 *   time (the message stays `sending` meanwhile, which nobody else sends);
 * - a claim this process holds but has no record of (its answer was lost with the connection) had never been
 *   handed to SMTP, so it goes back to `pending`;
 * - another process's claim older than STALE_CLAIM_SECONDS belongs to a sender that died between claiming
 *   and recording: it becomes `unknown` (maybe delivered, maybe not) and is not sent again. A signer who
 *   got nothing signs again and receives a new link (lib/petitions/sign-petition.ts, signedBefore).
 * A sent message's body is blanked: confirmation and invitation links must not linger in the database.
 */
import 'server-only';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { metrics } from '@/lib/observability/metrics';
import { instanceId } from '@/lib/runtime/instance-id';
import { processShared } from '@/lib/runtime/process-shared';
import { mailFrom } from './mail-config';
import { classifySmtpFailure } from './smtp-failure';

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** `<outbox id@sender's domain>`: the SMTP server's logs and the recipient's client see the same id. */
  messageId: string;
  headers?: Record<string, string>;
}

/** RFC 2369 and RFC 8058: mail clients offer "unsubscribe" and POST to the URL in one click. */
function unsubscribeHeaders(url: string | null): Record<string, string> | undefined {
  return url ? { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined;
}

export interface MailTransport {
  sendMail(message: OutgoingMessage): Promise<unknown>;
}

const MAX_DELIVERY_ATTEMPTS = 8;
/** A claim older than this, by a process that never recorded its outcome, is given up as `unknown`. */
export const STALE_CLAIM_SECONDS = 600;

export interface DeliveryReport {
  sent: number;
  /** Refused by the server (retried later with backoff) or unreachable (retried at the next run). */
  failed: number;
  /** Connection broken after the message may have arrived: not sent again. */
  unknown: number;
  /** True when the run stopped because the SMTP server could not be reached at all. */
  unreachable: boolean;
}

export interface DeliveryOptions {
  /** Messages claimed at once; they are sent in parallel (the pooled transport bounds the connections). */
  chunkSize?: number;
  /** Stop claiming once true (shutdown, lease lost, run long enough); what is claimed is finished. */
  shouldStop?: () => boolean;
  /** Who claims (tests play several processes). */
  sender?: string;
}

type Outcome = { id: string; sender: string } & (
  | { kind: 'sent'; messageId: string; response: string | null }
  | { kind: 'rejected' | 'unreachable' | 'unknown'; attempts: number; error: string }
);

interface Claimed {
  id: string;
  to: string;
  subject: string;
  text: string;
  listUnsubscribe: string | null;
  attempts: number;
}

/** This process's messages between claim and record, and outcomes not yet recorded. */
const ledger = () =>
  processShared('mail.ledger', () => ({
    inFlight: new Set<string>(),
    unrecorded: [] as Outcome[],
    /** Outcomes being written right now by one of this process's runs: still claimed, not orphaned. */
    recording: new Set<string>(),
    claimLock: Promise.resolve(),
  }));

/** Claims and the release of orphaned claims run one at a time in a process (see releaseOrphanedClaims). */
function withClaimLock<T>(work: () => Promise<T>): Promise<T> {
  const state = ledger();
  const result = state.claimLock.then(work);
  state.claimLock = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

export async function deliverOutbox(db: Database, transport: MailTransport, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const chunkSize = options.chunkSize ?? 50;
  const sender = options.sender ?? instanceId();
  const report: DeliveryReport = { sent: 0, failed: 0, unknown: 0, unreachable: false };
  await recordOutcomes(db);
  await withClaimLock(() => releaseOrphanedClaims(db, sender));
  await giveUpStaleClaims(db);
  while (!options.shouldStop?.()) {
    const claimed = await withClaimLock(async () => {
      const rows = await claim(db, sender, chunkSize);
      for (const row of rows) ledger().inFlight.add(row.id);
      return rows;
    });
    if (claimed.length === 0) break;
    const outcomes = await Promise.all(claimed.map((mail) => send(transport, mail, sender)));
    const state = ledger();
    state.unrecorded.push(...outcomes);
    for (const mail of claimed) state.inFlight.delete(mail.id);
    for (const outcome of outcomes) {
      metrics().mailOutcomes.inc({ outcome: outcome.kind });
      if (outcome.kind === 'sent') report.sent++;
      else if (outcome.kind === 'unknown') report.unknown++;
      else report.failed++;
    }
    await recordOutcomes(db);
    // The server is down: the rest of the outbox would fail the same way. The job backs off instead.
    if (outcomes.every((outcome) => outcome.kind === 'unreachable')) {
      report.unreachable = true;
      break;
    }
  }
  return report;
}

async function send(transport: MailTransport, mail: Claimed, sender: string): Promise<Outcome> {
  const messageId = `<${mail.id}@${senderDomain()}>`;
  try {
    const info = (await transport.sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text, messageId, headers: unsubscribeHeaders(mail.listUnsubscribe) })) as
      | { messageId?: string; response?: string }
      | undefined;
    return { id: mail.id, sender, kind: 'sent', messageId: info?.messageId ?? messageId, response: info?.response?.slice(0, 500) ?? null };
  } catch (error) {
    return { id: mail.id, sender, kind: classifySmtpFailure(error), attempts: mail.attempts, error: errorText(error) };
  }
}

function senderDomain(): string {
  return /@([^>\s]+)>?\s*$/.exec(mailFrom())?.[1] ?? 'vigil.invalid';
}

const errorText = (error: unknown) => String(error instanceof Error ? error.message : error).slice(0, 500);

/** Takes up to `limit` due messages, oldest first, skipping those another sender is taking right now. */
async function claim(db: Database, sender: string, limit: number): Promise<Claimed[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.sendAfter, sql`now()`)))
    .orderBy(asc(mailOutbox.sendAfter))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ status: 'sending', claimedBy: sender, claimedAt: sql`now()`, attempts: sql`${mailOutbox.attempts} + 1`, updatedAt: sql`now()` })
    .where(inArray(mailOutbox.id, due))
    .returning({ id: mailOutbox.id, to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.textBody, listUnsubscribe: mailOutbox.listUnsubscribe, attempts: mailOutbox.attempts });
}

/**
 * Records outcomes kept in memory, in one statement. Only rows still claimed by this process change (or
 * given up as `unknown` meanwhile by another, while this process could not reach the database).
 * If the database is unreachable the outcomes stay in memory and the error goes to the caller.
 */
async function recordOutcomes(db: Database): Promise<void> {
  const state = ledger();
  if (state.unrecorded.length === 0) return;
  const outcomes = state.unrecorded.splice(0);
  for (const outcome of outcomes) state.recording.add(outcome.id);
  try {
    const input = JSON.stringify(
      outcomes.map((outcome) =>
        outcome.kind === 'sent'
          ? { id: outcome.id, sender: outcome.sender, kind: outcome.kind, message_id: outcome.messageId, response: outcome.response }
          : { id: outcome.id, sender: outcome.sender, kind: outcome.kind, error: outcome.error, attempts: outcome.attempts },
      ),
    );
    await db.execute(sql`
      with outcome as (
        select * from json_to_recordset(${input}::json) as o(id uuid, sender text, kind text, message_id text, response text, error text, attempts int)
      )
      update ${mailOutbox} m set
        status = (case
          when o.kind = 'sent' then 'sent'
          when o.kind = 'unknown' then 'unknown'
          when o.kind = 'rejected' and o.attempts >= ${MAX_DELIVERY_ATTEMPTS} then 'failed'
          else 'pending' end)::mail_status,
        sent_at = case when o.kind = 'sent' then now() else m.sent_at end,
        text_body = case when o.kind = 'sent' then '' else m.text_body end,
        list_unsubscribe = case when o.kind = 'sent' then null else m.list_unsubscribe end,
        smtp_message_id = o.message_id,
        smtp_response = o.response,
        last_error = o.error,
        -- An unreachable server is not the message's fault: that attempt does not count.
        attempts = case when o.kind = 'unreachable' then m.attempts - 1 else m.attempts end,
        -- Refused: back off 1, 2, 4 … minutes.
        send_after = case when o.kind = 'rejected' then now() + make_interval(mins => power(2, o.attempts - 1)::int) else m.send_after end,
        updated_at = now()
      from outcome o
      where m.id = o.id and m.claimed_by = o.sender and m.status in ('sending', 'unknown')`);
  } catch (error) {
    state.unrecorded.unshift(...outcomes);
    throw error;
  } finally {
    for (const outcome of outcomes) state.recording.delete(outcome.id);
  }
}

/** Claims of this process it has no record of: their claim's answer was lost, so they never reached SMTP. */
async function releaseOrphanedClaims(db: Database, sender: string): Promise<void> {
  const state = ledger();
  const known = [...state.inFlight, ...state.recording, ...state.unrecorded.map((outcome) => outcome.id)];
  await db.execute(sql`
    update ${mailOutbox} set status = 'pending', attempts = attempts - 1, claimed_by = null, claimed_at = null, updated_at = now()
    where status = 'sending' and claimed_by = ${sender}
      and not (id = any(${`{${known.join(',')}}`}::uuid[]))`);
}

async function giveUpStaleClaims(db: Database): Promise<void> {
  await db.execute(sql`
    update ${mailOutbox} set status = 'unknown', updated_at = now(),
      last_error = 'the sender stopped between claiming and recording; not sent again (at most once)'
    where status = 'sending' and claimed_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})`);
}

/**
 * Sends queued mail. Each batch claims its rows with FOR UPDATE SKIP LOCKED inside a transaction, so
 * several workers (or app instances) never send the same message twice. A sent message's body is
 * blanked: invitation links must not linger in the database.
 */
import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { mailFrom } from './mail-config';

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
}

export const MAX_DELIVERY_ATTEMPTS = 8;

/** RFC 2369 and RFC 8058: mail clients offer "unsubscribe" and POST to the URL in one click. */
export function unsubscribeHeaders(url: string | null): Record<string, string> | undefined {
  return url ? { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined;
}

export async function deliverOutbox(db: Database, transport: MailTransport, batchSize = 20): Promise<{ sent: number; failed: number }> {
  return db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.sendAfter, sql`now()`)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    let sent = 0;
    let failed = 0;
    for (const mail of batch) {
      try {
        await transport.sendMail({ from: mailFrom(), to: mail.toAddress, subject: mail.subject, text: mail.textBody, headers: unsubscribeHeaders(mail.listUnsubscribe) });
        await tx
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: sql`now()`, textBody: '', listUnsubscribe: null, attempts: mail.attempts + 1, lastError: null, updatedAt: sql`now()` })
          .where(eq(mailOutbox.id, mail.id));
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(mailOutbox)
          .set({
            status: attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
            // Back off: 1, 2, 4 … minutes.
            sendAfter: sql`now() + make_interval(mins => ${2 ** (attempts - 1)})`,
            updatedAt: sql`now()`,
          })
          .where(eq(mailOutbox.id, mail.id));
        failed++;
      }
    }
    return { sent, failed };
  });
}

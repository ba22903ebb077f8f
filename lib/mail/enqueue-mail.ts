import 'server-only';
import { mailOutbox } from '@/db/schema';
import type { Transaction } from '@/db/client';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** For mails to signers: the one-click unsubscribe URL (RFC 8058), sent as List-Unsubscribe. */
  listUnsubscribe?: string;
}

/** The outbox row of a message; every writer to the outbox builds its rows here. */
export function outboxRow(mail: OutgoingMail): typeof mailOutbox.$inferInsert {
  return { toAddress: mail.to, subject: mail.subject, textBody: mail.text, listUnsubscribe: mail.listUnsubscribe ?? null };
}

/** Queues a message in the same transaction as the change it reports; lib/mail/deliver-outbox.ts sends it. */
export async function enqueueMail(tx: Transaction, mail: OutgoingMail): Promise<string> {
  const [row] = await tx
    .insert(mailOutbox)
    .values(outboxRow(mail))
    .returning({ id: mailOutbox.id });
  return row!.id;
}

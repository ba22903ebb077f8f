import 'server-only';
import { mailOutbox } from '@/db/schema';
import type { Transaction } from '@/db/client';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Queues a message in the same transaction as the change it reports; lib/mail/deliver-outbox.ts sends it. */
export async function enqueueMail(tx: Transaction, mail: OutgoingMail): Promise<string> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({ toAddress: mail.to, subject: mail.subject, textBody: mail.text })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

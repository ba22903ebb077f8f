/**
 * The development mailbox (/dev/mailbox): the outbox shown as a mail client, for development and the
 * end-to-end tests, where no SMTP server exists. It shows signers' addresses and confirmation links,
 * so it exists only without SMTP_URL, and in production only when VIGIL_DEV_MAILBOX=true is set on
 * purpose (the e2e runs do; a real deployment never should).
 */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { mailIsConfigured } from './mail-config';

function devMailboxEnabled(): boolean {
  if (mailIsConfigured()) return false;
  if (process.env.VIGIL_DEV_MAILBOX !== undefined) return process.env.VIGIL_DEV_MAILBOX === 'true';
  return process.env.NODE_ENV !== 'production';
}

export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  queuedAt: string;
}

/** The newest queued messages, optionally for one recipient; null when the mailbox is disabled. */
export async function listDevMailbox(to?: string): Promise<DevMail[] | null> {
  if (!devMailboxEnabled()) return null;
  const db = await getDb();
  const rows = await db
    .select({ id: mailOutbox.id, to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.textBody, queuedAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(to ? eq(mailOutbox.toAddress, to) : undefined)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(50);
  return rows.map((row) => ({ ...row, queuedAt: row.queuedAt.toISOString() }));
}

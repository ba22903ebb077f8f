/**
 * `npm run mail:deliver`: sends queued mail through SMTP_URL once, or every 15 seconds with --watch.
 * Run one or several beside the app; they never send a message twice.
 */
import nodemailer from 'nodemailer';
import { openDatabase } from '@/db/client';
import { deliverOutbox } from '../deliver-outbox';

const smtpUrl = process.env.SMTP_URL;
if (!smtpUrl) {
  console.error('SMTP_URL is not set: there is nowhere to send mail.');
  process.exit(1);
}
const transport = nodemailer.createTransport(smtpUrl);
const opened = await openDatabase({ url: process.env.DATABASE_URL });
const watch = process.argv.includes('--watch');
try {
  do {
    const { sent, failed } = await deliverOutbox(opened.db, transport);
    if (sent || failed || !watch) console.log(`mail: ${sent} sent, ${failed} failed`);
    if (watch) await new Promise((resolve) => setTimeout(resolve, 15_000));
  } while (watch);
} finally {
  transport.close();
  await opened.close();
}

/**
 * `npm run mail:deliver`: turns case news into mails for the signers who asked for it
 * (lib/petitions/mail-case-news.ts), then sends the queued mail through SMTP_URL (pooled connections)
 * until the outbox is empty; with --watch, keeps doing so, looking for new mail every 2 seconds. Run one or several beside
 * the app; they never send a message twice (lib/mail/deliver-outbox.ts).
 */
import { openDatabase } from '@/db/client';
import { logger } from '@/lib/observability/logger';
import { mailCaseNews } from '@/lib/petitions/mail-case-news';
import { deliverOutbox } from '../deliver-outbox';
import { closeSmtpTransports, smtpTransport } from '../smtp-transport';

if (!process.env.SMTP_URL) {
  console.error('SMTP_URL is not set: there is nowhere to send mail.');
  process.exit(1);
}
const opened = await openDatabase({ url: process.env.DATABASE_URL });
const watch = process.argv.includes('--watch');
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => (stopping = true));
try {
  do {
    try {
      const news = await mailCaseNews(opened.db, { shouldStop: () => stopping });
      if (news.news) logger().info(news, 'case news mailed');
      const report = await deliverOutbox(opened.db, smtpTransport(), { shouldStop: () => stopping });
      if (report.sent || report.failed || report.unknown || !watch) logger().info(report, 'mail delivered');
    } catch (error) {
      // The database or SMTP server is away: try again at the next round (outcomes wait in memory).
      if (!watch) throw error;
      logger().warn({ err: error }, 'mail delivery failed; retrying');
    }
    if (watch && !stopping) await new Promise((resolve) => setTimeout(resolve, 2_000));
  } while (watch && !stopping);
} finally {
  closeSmtpTransports();
  await opened.close();
}

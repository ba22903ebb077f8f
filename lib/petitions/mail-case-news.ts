/**
 * Signers who asked for updates hear when a case's public timeline changes: one mail each (however
 * many of the case's petitions they signed), in their language, with their withdrawal link. The case
 * domain records each change as a row of case_news in the change's own transaction
 * (lib/cases/case-news.ts); the background job `cases.news` (lib/jobs/background-jobs.ts) turns each
 * row into mails once: the row is locked, its mails queued and the row marked in one transaction, so
 * several instances never mail the same news twice. Nothing is sent for a case the public cannot see.
 */
import 'server-only';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { caseNews, cases, mailOutbox, petitions, petitionSignatures, publicSnapshots } from '@/db/schema';
import type { Database, Transaction } from '@/db/client';
import { caseIsPublic, joinPublishedSnapshot, publishedCaseColumns } from '@/lib/cases/public-queries';
import { outboxRow } from '@/lib/mail/enqueue-mail';
import { logger } from '@/lib/observability/logger';
import { caseUpdateMail } from './petition-mail';

interface CaseUpdate {
  /** One line on what changed, as the public timeline says it (e.g. the new event's title). */
  headline: string;
  /** The site's origin, for the links. */
  origin: string;
}

function configuredOrigin(): string | null {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
  } catch {
    return null;
  }
}

const BATCH = 500;
/** News rows taken at once by one run. */
const NEWS_PER_RUN = 20;

export interface CaseNewsReport {
  news: number;
  mails: number;
}

/**
 * Turns unmailed case news into mails, oldest first, until none is left (or `shouldStop`). The site's
 * origin comes from NEXTAUTH_URL (the site's public address) unless given.
 */
export async function mailCaseNews(db: Database, options: { origin?: string; shouldStop?: () => boolean } = {}): Promise<CaseNewsReport> {
  const report: CaseNewsReport = { news: 0, mails: 0 };
  const origin = options.origin ?? configuredOrigin();
  while (!options.shouldStop?.()) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: caseNews.id, caseId: caseNews.caseId, headline: caseNews.headline })
        .from(caseNews)
        .where(isNull(caseNews.mailedAt))
        .orderBy(asc(caseNews.createdAt))
        .limit(NEWS_PER_RUN)
        .for('update', { skipLocked: true });
      // Without the site's address the mails could carry no links: the news is let go, and said so once.
      if (!origin && due.length > 0) logger().warn({ news: due.length }, 'case news not mailed: set NEXTAUTH_URL to the site address so the mails can carry links');
      for (const news of due) {
        const mails = origin ? await notifyCaseSubscribers(tx, news.caseId, { headline: news.headline, origin }) : 0;
        await tx.update(caseNews).set({ mailedAt: sql`now()`, recipients: mails }).where(eq(caseNews.id, news.id));
        report.news++;
        report.mails += mails;
      }
      return due.length < NEWS_PER_RUN;
    });
    if (done) break;
  }
  return report;
}

async function notifyCaseSubscribers(tx: Transaction, caseId: string, { headline, origin }: CaseUpdate): Promise<number> {
  const [publicCase] = await tx
    .select({ slug: publishedCaseColumns.slug, title: publishedCaseColumns.title })
    .from(cases)
    .innerJoin(publicSnapshots, joinPublishedSnapshot)
    .where(and(eq(cases.id, caseId), caseIsPublic));
  if (!publicCase) return 0;
  const subscribers = await tx
    .selectDistinctOn([petitionSignatures.emailNormalised], {
      signatureId: petitionSignatures.id,
      email: petitionSignatures.email,
      locale: petitionSignatures.locale,
    })
    .from(petitionSignatures)
    .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
    .where(
      and(
        eq(petitions.caseId, caseId),
        eq(petitionSignatures.wantsUpdates, true),
        isNotNull(petitionSignatures.confirmedAt),
        isNull(petitionSignatures.invalidationId),
        isNotNull(petitionSignatures.email),
      ),
    )
    .orderBy(asc(petitionSignatures.emailNormalised), asc(petitionSignatures.confirmedAt));
  const mails = subscribers.map((subscriber) =>
    caseUpdateMail(
      { signatureId: subscriber.signatureId, email: subscriber.email!, locale: subscriber.locale },
      { caseTitle: publicCase.title, caseSlug: publicCase.slug, headline },
      origin,
    ),
  );
  for (let start = 0; start < mails.length; start += BATCH) {
    await tx.insert(mailOutbox).values(mails.slice(start, start + BATCH).map(outboxRow));
  }
  return mails.length;
}

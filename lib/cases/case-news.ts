/**
 * Records that a case's public timeline changed (an event published, corrected or retracted), in the
 * caller's transaction: the news exists exactly when the change commits. Who hears of it is not the
 * case domain's business: the petition domain mails the signers who asked (lib/petitions/mail-case-news.ts).
 */
import 'server-only';
import type { Transaction } from '@/db/client';
import { caseNews } from '@/db/schema';

export async function recordCaseNews(tx: Transaction, caseId: string, headline: string): Promise<void> {
  await tx.insert(caseNews).values({ caseId, headline });
}

/** Case news becomes mails once, however many instances run the job at the same moment. */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { caseNews, mailOutbox } from '@/db/schema';
import { publishSnapshot } from '@/lib/cases/public-snapshot';
import { describeEachEngine } from '@/db/testing';
import { confirmSignature } from './confirm-signature';
import { mailCaseNews } from './mail-case-news';
import { signPetition } from './sign-petition';
import { confirmationTokenFor, createTestPetition, signer, testAddress } from './test-fixtures';

const origin = 'https://vigil.test';

describeEachEngine('mailing case news', ({ db }) => {
  it('mails each news to each subscriber once, with three runs at once', async () => {
    const { caseId, slug } = await createTestPetition(db());
    const emails = Array.from({ length: 5 }, (_, i) => `news-${i}@example.org`);
    for (const [i, email] of emails.entries()) {
      await signPetition(slug, signer(email, { wantsUpdates: true }), { ip: testAddress(700 + i), origin });
      await confirmSignature((await confirmationTokenFor(db(), email))!);
    }
    const headlines = Array.from({ length: 30 }, (_, i) => `Update ${i}`);
    await db().insert(caseNews).values(headlines.map((headline) => ({ caseId, headline })));

    await Promise.all([mailCaseNews(db(), { origin }), mailCaseNews(db(), { origin }), mailCaseNews(db(), { origin })]);

    const rows = await db().select({ recipients: caseNews.recipients, mailedAt: caseNews.mailedAt }).from(caseNews).where(eq(caseNews.caseId, caseId));
    expect(rows.map((row) => row.recipients)).toEqual(headlines.map(() => 5));
    expect(rows.every((row) => row.mailedAt !== null)).toBe(true);
    for (const email of emails) {
      const news = await db().select({ subject: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.toAddress, email));
      // One confirmation mail, then one mail per news.
      expect(news.length).toBe(1 + headlines.length);
    }
  });

  it('mails nobody for a case the public cannot see, and marks the news done', async () => {
    const { caseId, slug } = await createTestPetition(db());
    await signPetition(slug, signer('hidden@example.org', { wantsUpdates: true }), { ip: testAddress(760), origin });
    await confirmSignature((await confirmationTokenFor(db(), 'hidden@example.org'))!);
    // Taken down: an approved publication of "not public" (the working copy alone would change nothing).
    await db().transaction((tx) => publishSnapshot(tx, { userId: null, email: 'test', ip: '' }, { caseId, content: null, requestId: null, approvedByUserId: null }));
    const [news] = await db().insert(caseNews).values({ caseId, headline: 'Hidden' }).returning({ id: caseNews.id });
    await mailCaseNews(db(), { origin });
    expect(await db().select({ recipients: caseNews.recipients }).from(caseNews).where(eq(caseNews.id, news!.id))).toEqual([{ recipients: 0 }]);
  });
});

/** Stopping news mails keeps the signature; the one-click header reaches the SMTP transport. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseNews, petitionSignatures } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { deliverOutbox, type MailTransport } from '@/lib/mail/deliver-outbox';
import { confirmSignature } from './confirm-signature';
import { mailCaseNews } from './mail-case-news';
import { signPetition } from './sign-petition';
import { getNewsSubscription, stopNews } from './stop-news';
import { confirmationTokenFor, createTestPetition, mailsTo, signer, testAddress } from './test-fixtures';
import { newsUnsubscribeToken, withdrawalToken } from './petition-mail';

process.env.VIGIL_SECRET_KEY ??= 'b'.repeat(64);
beforeAll(() => {
  process.env.SMTP_URL = 'smtp://mail.invalid:25';
});
afterAll(() => {
  delete process.env.SMTP_URL;
});

describeEachEngine('stopping news mails', ({ db }) => {
  it('sends List-Unsubscribe with one-click, and the link stops news for every signature of the address while they keep counting', async () => {
    const first = await createTestPetition(db());
    const second = await createTestPetition(db());
    const email = 'news-reader@example.org';
    for (const [index, petition] of [first, second].entries()) {
      await signPetition(petition.slug, signer(email, { wantsUpdates: true }), { ip: testAddress(index + 40), origin: 'https://vigil.test' });
      const token = await confirmationTokenFor(db(), email);
      expect((await confirmSignature(token!)).state).toBe('confirmed');
    }
    const rows = await db().select().from(petitionSignatures).where(eq(petitionSignatures.emailNormalised, email));
    expect(rows.map((row) => row.wantsUpdates)).toEqual([true, true]);
    const mails = await mailsTo(db(), email);
    const headers: Record<string, string>[] = [];
    const transport: MailTransport = {
      async sendMail(message) {
        headers.push(message.headers ?? {});
      },
    };
    await deliverOutbox(db(), transport);
    expect(headers).toHaveLength(2);
    const signatureId = /news-off\/([0-9a-f-]{36})\./.exec(headers[0]!['List-Unsubscribe'] ?? '')![1]!;
    const token = newsUnsubscribeToken(signatureId);
    // The text carries the same token on a page a person can open.
    expect(mails.some((mail) => mail.textBody.includes(`/unsubscribe/${token}`))).toBe(true);
    expect(headers[0]).toEqual({
      'List-Unsubscribe': `<https://vigil.test/api/petitions/news-off/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    // A withdrawal token is not a news token, and a forged one does nothing.
    expect((await stopNews(withdrawalToken(signatureId))).state).toBe('invalid');
    expect((await getNewsSubscription(token)).state).toBe('subscribed');
    expect((await stopNews(token)).state).toBe('stopped');
    const after = await db().select().from(petitionSignatures).where(eq(petitionSignatures.emailNormalised, email));
    expect(after.map((row) => [row.wantsUpdates, row.confirmedAt !== null])).toEqual([
      [false, true],
      [false, true],
    ]);
    // News of the case now reaches nobody.
    const [news] = await db().insert(caseNews).values({ caseId: first.caseId, headline: 'News' }).returning({ id: caseNews.id });
    await mailCaseNews(db(), { origin: 'https://vigil.test' });
    expect(await db().select({ recipients: caseNews.recipients }).from(caseNews).where(eq(caseNews.id, news!.id))).toEqual([{ recipients: 0 }]);
  });
});

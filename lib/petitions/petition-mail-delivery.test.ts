/** Confirmation mails go through the one outbox: three workers at once send each exactly once. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { deliverOutbox, type MailTransport } from '@/lib/mail/deliver-outbox';
import { signPetition } from './sign-petition';
import { createTestPetition, signer, testAddress } from './test-fixtures';

beforeAll(() => {
  process.env.SMTP_URL = 'smtp://mail.invalid:25';
});
afterAll(() => {
  delete process.env.SMTP_URL;
});

describeEachEngine('delivering confirmation mails', ({ db }) => {
  it('never sends one message twice, with three workers at once, and blanks the links once sent', async () => {
    const { slug } = await createTestPetition(db());
    const emails = Array.from({ length: 60 }, (_, i) => `worker-${i}@example.org`);
    await Promise.all(emails.map((email, i) => signPetition(slug, signer(email), { ip: testAddress(i), origin: 'https://vigil.test' })));
    const sent: string[] = [];
    const transport: MailTransport = {
      async sendMail(message) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        expect(message.text).toMatch(/https:\/\/vigil\.test\/confirm\/[A-Za-z0-9_-]{43}/);
        sent.push(message.to);
      },
    };
    const drain = async () => {
      let total = 0;
      for (;;) {
        const { sent: n } = await deliverOutbox(db(), transport, { chunkSize: 7 });
        if (n === 0) return total;
        total += n;
      }
    };
    const totals = await Promise.all([drain(), drain(), drain()]);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(60);
    expect(sent.sort()).toEqual([...emails].sort());
    const rows = await db().select().from(mailOutbox).where(eq(mailOutbox.status, 'pending'));
    expect(rows).toEqual([]);
    const bodies = await db().select({ text: mailOutbox.textBody }).from(mailOutbox);
    expect(bodies.every((row) => row.text === '')).toBe(true);
  });
});

import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { inviteUser } from '@/lib/users/invite-user';
import { deliverOutbox, type MailTransport } from './deliver-outbox';

const link = { origin: 'https://vigil.test', locale: 'en' } as const;

afterEach(() => {
  delete process.env.SMTP_URL;
});

describeEachEngine('mail outbox', ({ db, engine }) => {
  it('queues no mail when mail is not configured: the admin passes the link on', async () => {
    const { session: admin } = await sessionForRole('admin');
    const invited = await inviteUser(admin, { email: 'unmailed@test.example', role: 'advocate', ...link });
    expect(invited).toMatchObject({ ok: true, value: { emailed: false } });
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'unmailed@test.example'))).toEqual([]);
  });

  it('sends each queued invitation exactly once, even with two workers at once, and forgets the link', async () => {
    process.env.SMTP_URL = 'smtp://mail.invalid:25';
    const { session: admin } = await sessionForRole('admin');
    const addresses = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}.mailed@test.example`);
    for (const email of addresses) {
      expect(await inviteUser(admin, { email, role: 'advocate', ...link })).toMatchObject({ ok: true, value: { emailed: true } });
    }
    const sent: string[] = [];
    const transport: MailTransport = {
      async sendMail(message) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(message.text).toContain('https://vigil.test/invite/');
        sent.push(message.to);
      },
    };
    const results = await Promise.all([deliverOutbox(db(), transport), deliverOutbox(db(), transport)]);
    expect(results.reduce((total, result) => total + result.sent, 0)).toBe(5);
    expect(sent.sort()).toEqual([...addresses].sort());
    if (engine === 'postgres') expect(results.every((result) => result.sent > 0 || result.failed === 0)).toBe(true);
    const rows = await db().select().from(mailOutbox);
    expect(rows.every((row) => row.status === 'sent' && row.textBody === '')).toBe(true);
    expect(await deliverOutbox(db(), transport)).toEqual({ sent: 0, failed: 0 });
  });

  it('retries a failed delivery later instead of losing it', async () => {
    process.env.SMTP_URL = 'smtp://mail.invalid:25';
    const { session: admin } = await sessionForRole('admin');
    await inviteUser(admin, { email: 'retry@test.example', role: 'advocate', ...link });
    const failing: MailTransport = { sendMail: async () => Promise.reject(new Error('connection refused')) };
    expect(await deliverOutbox(db(), failing)).toEqual({ sent: 0, failed: 1 });
    const [row] = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'retry@test.example'));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connection refused' });
    expect(row!.sendAfter.getTime()).toBeGreaterThan(Date.now());
  });
});

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { MailText } from '@/components/petitions/MailText';
import { listDevMailbox } from '@/lib/mail/dev-mailbox';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: false }, referrer: 'no-referrer' };

/** Development only (lib/mail/dev-mailbox.ts): the mail that would have been sent. */
export default async function DevMailboxPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ to?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { to } = await searchParams;
  const mails = await listDevMailbox(typeof to === 'string' && to ? to : undefined);
  if (!mails) notFound();
  const [t, format] = await Promise.all([getTranslations('devMailbox'), getFormatter()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-stone-600">{t('intro')}</p>
      {mails.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded border border-stone-200 bg-white p-4" data-testid="dev-mail">
            <dl className="grid grid-cols-[6rem_1fr] gap-x-2 text-sm">
              <dt className="text-stone-600">{t('to')}</dt>
              <dd data-testid="dev-mail-to">{mail.to}</dd>
              <dt className="text-stone-600">{t('subject')}</dt>
              <dd className="font-semibold">{mail.subject}</dd>
              <dt className="text-stone-600">{t('queuedAt')}</dt>
              <dd>{format.dateTime(new Date(mail.queuedAt), { dateStyle: 'medium', timeStyle: 'medium' })}</dd>
            </dl>
            <MailText text={mail.text} />
          </li>
        ))}
      </ul>
    </div>
  );
}

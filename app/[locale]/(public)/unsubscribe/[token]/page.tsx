import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/components/ui/Button';
import { Link } from '@/lib/i18n/navigation';
import { getNewsSubscription } from '@/lib/petitions/stop-news';
import { stopNewsAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'newsOff' }))('title'), referrer: 'no-referrer', robots: { index: false } };
}

/** Opening the link (mail scanners do) only shows the button; pressing it stops the news mails. */
export default async function StopNewsPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, tWithdrawal, view] = await Promise.all([getTranslations('newsOff'), getTranslations('withdrawal'), getNewsSubscription(token)]);
  return (
    <div className="mx-auto max-w-lg space-y-4" data-testid="news-off">
      {view.state === 'subscribed' ? (
        <>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro', { title: view.caseTitle ?? '' })}</p>
          <form action={stopNewsAction}>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="locale" value={locale} />
            <Button type="submit">{t('button')}</Button>
          </form>
        </>
      ) : view.state === 'stopped' ? (
        <>
          <h1 className="text-2xl font-bold">{t('doneTitle')}</h1>
          <p>{t('doneBody')}</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
          <p>{t('invalidBody')}</p>
        </>
      )}
      {view.petitionSlug ? (
        <p>
          <Link href={`/petitions/${view.petitionSlug}`} className="text-vigil underline">
            {tWithdrawal('backToPetition')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/components/ui/Button';
import { getWithdrawal } from '@/lib/petitions/withdraw-signature';
import { withdrawSignatureAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'withdrawal' }))('title'), referrer: 'no-referrer', robots: { index: false } };
}

export default async function WithdrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, view, { done }] = await Promise.all([getTranslations('withdrawal'), getWithdrawal(token), searchParams]);
  return (
    <div className="mx-auto max-w-lg space-y-4" data-testid="withdrawal">
      {view.state === 'pending' ? (
        <>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro', { title: view.petition?.title ?? '' })}</p>
          <form action={withdrawSignatureAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit" tone="danger">
              {t('button')}
            </Button>
          </form>
        </>
      ) : done ? (
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
    </div>
  );
}

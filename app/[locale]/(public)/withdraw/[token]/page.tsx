import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/components/ui/Button';
import { Link } from '@/lib/i18n/navigation';
import { cachedPublicPetition } from '@/lib/petitions/public-cache';
import { getWithdrawal } from '@/lib/petitions/withdraw-signature';
import { withdrawSignatureAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'withdrawal' }))('title'), referrer: 'no-referrer', robots: { index: false } };
}

const ERASED = ['erasedName', 'erasedEmail', 'erasedCountry', 'erasedCount'] as const;

export default async function WithdrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  /** done: the withdrawn signature's petition slug, set by the Withdraw button's redirect. */
  searchParams: Promise<{ done?: string }>;
}) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, view, { done }] = await Promise.all([getTranslations('withdrawal'), getWithdrawal(token), searchParams]);
  // The title after withdrawal comes from the petition's public projection: the signature is gone.
  const withdrawnFrom = view.state !== 'pending' && typeof done === 'string' && done ? await cachedPublicPetition(done) : null;
  return (
    <div className="mx-auto max-w-lg space-y-4" data-testid="withdrawal">
      {view.state === 'pending' ? (
        <>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro', { title: view.petition?.title ?? '' })}</p>
          <form action={withdrawSignatureAction}>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="locale" value={locale} />
            <Button type="submit" tone="danger">
              {t('button')}
            </Button>
          </form>
        </>
      ) : done !== undefined ? (
        <>
          <h1 className="text-2xl font-bold">{t('doneTitle')}</h1>
          <p>{t('doneBody', { title: withdrawnFrom?.title ?? '' })}</p>
          <ul className="list-disc space-y-1 pl-6" data-testid="withdrawal-erased">
            {ERASED.map((item) => (
              <li key={item}>{t(item)}</li>
            ))}
          </ul>
          <p className="text-sm text-stone-600">{t('erasedNote')}</p>
          {withdrawnFrom ? (
            <p>
              <Link href={`/petitions/${withdrawnFrom.slug}`} className="text-vigil underline">
                {t('backToPetition')}
              </Link>
            </p>
          ) : null}
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

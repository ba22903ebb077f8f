import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NextSteps } from '@/components/petitions/NextSteps';
import { Button } from '@/components/ui/Button';
import { Link } from '@/lib/i18n/navigation';
import { getConfirmation } from '@/lib/petitions/get-confirmation';
import { getNextSteps } from '@/lib/petitions/next-steps';
import { confirmSignatureAction } from './actions';

// The answer depends on the token's state right now: never cached.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'confirmation' }))('title'), referrer: 'no-referrer', robots: { index: false } };
}

/** Opening the link (a GET, which mail scanners do too) only shows the button; pressing it confirms. */
export default async function ConfirmPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, view] = await Promise.all([getTranslations('confirmation'), getConfirmation(token)]);
  const title = view.petition?.title ?? '';
  // Once the signature counts, the thank-you: what the supporter can do next.
  const steps = view.state === 'confirmed' && view.petition ? await getNextSteps(locale, view.petition.slug) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="confirmation">
      {view.state === 'pending' ? (
        <>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro', { title })}</p>
          <form action={confirmSignatureAction}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit">{t('button')}</Button>
          </form>
        </>
      ) : view.state === 'confirmed' ? (
        <>
          <h1 className="text-2xl font-bold">{t('confirmedTitle')}</h1>
          <p>{t('confirmedBody', { title })}</p>
        </>
      ) : view.state === 'expired' ? (
        <>
          <h1 className="text-2xl font-bold">{t('expiredTitle')}</h1>
          <p>{t('expiredBody', { title })}</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
          <p>{t('invalidBody')}</p>
        </>
      )}
      {view.petition ? (
        <p>
          <Link href={`/petitions/${view.petition.slug}`} className="text-vigil underline">
            {t('seeCount')}
          </Link>
        </p>
      ) : null}
      {steps ? <NextSteps steps={steps} /> : null}
    </div>
  );
}

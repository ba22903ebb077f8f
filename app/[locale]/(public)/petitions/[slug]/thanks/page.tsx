import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NextSteps } from '@/components/petitions/NextSteps';
import { Notice } from '@/components/ui/Notice';
import { Link } from '@/lib/i18n/navigation';
import { getNextSteps } from '@/lib/petitions/next-steps';

// The same page for every signer (nothing personal on it): rendered on first request, then cached.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'thanks' }))('metaTitle'), robots: { index: false } };
}

/** Where the sign form goes once a signature is accepted: check your mail, then what else you can do. */
export default async function SignedThanksPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const steps = await getNextSteps(locale, slug);
  if (!steps) notFound();
  const [t, tSign, tConfirmation] = await Promise.all([getTranslations('thanks'), getTranslations('signForm'), getTranslations('confirmation')]);
  return (
    <div className="mx-auto max-w-2xl space-y-6" data-testid="thank-you">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t('signedTitle')}</h1>
        <Notice tone="success">{tSign('accepted')}</Notice>
        <p>
          <Link href={`/petitions/${steps.petition.slug}`} className="text-vigil underline">
            {tConfirmation('seeCount')}
          </Link>
        </p>
      </div>
      <NextSteps steps={steps} />
    </div>
  );
}

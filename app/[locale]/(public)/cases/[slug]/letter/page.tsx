import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { SupporterLetterForm } from '@/components/letters/SupporterLetterForm';
import { PUBLIC_CLIENT_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { cachedSupporterLetterKit } from '@/lib/letters/public-cache';

export const revalidate = 60;

// Rendered on first request, then cached like the case page.
export function generateStaticParams() {
  return [];
}

/** The embassies' countries named in the reader's language, here on the server, so the browser shows the same words. */
function countryNames(codes: string[], locale: string): Record<string, string> {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return Object.fromEntries(codes.map((code) => [code, names.of(code) ?? code]));
}

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'letters.supporter' }))('title'), robots: { index: false } };
}

export default async function SupporterLetterPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const kit = await cachedSupporterLetterKit(slug);
  if (!kit) notFound();
  const [t, messages] = await Promise.all([getTranslations('letters.supporter'), getMessages()]);
  return (
    <article className="space-y-6">
      <Link href={`/cases/${kit.slug}`} className="text-sm text-vigil underline">
        ← {kit.title}
      </Link>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="max-w-prose text-stone-700">{t('intro')}</p>
      <NextIntlClientProvider messages={pickMessages(messages, [...PUBLIC_CLIENT_NAMESPACES, 'letters'])}>
        <SupporterLetterForm kit={kit} locale={locale} countryNames={countryNames(kit.embassies.map((embassy) => embassy.hostCountry), locale)} />
      </NextIntlClientProvider>
    </article>
  );
}

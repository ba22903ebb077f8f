import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site/SiteHeader';
import { Link } from '@/lib/i18n/navigation';

export default async function PublicLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  // Every layout and page sets the locale itself, so nothing reads request headers and pages stay cacheable.
  setRequestLocale(locale);
  const t = await getTranslations('site');
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only">
        {t('skipToContent')}
      </a>
      <SiteHeader />
      <main id="content" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto flex max-w-4xl flex-wrap justify-between gap-3 px-4 pb-24 text-sm text-stone-600 md:pb-10">
        <p>{t('footer')}</p>
        <Link href="/login" className="underline">
          {t('staffSignIn')}
        </Link>
      </footer>
    </>
  );
}

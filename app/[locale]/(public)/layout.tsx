import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site/SiteHeader';

export default function PublicLayout({ children }: { children: ReactNode }) {
  const t = useTranslations('site');
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only">
        {t('skipToContent')}
      </a>
      <SiteHeader />
      <main id="content" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-4xl px-4 pb-10 text-sm text-stone-600">{t('footer')}</footer>
    </>
  );
}

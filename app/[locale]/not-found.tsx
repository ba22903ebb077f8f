import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { SiteHeader } from '@/components/site/SiteHeader';

export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-4xl px-4 py-12">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2">{t('body')}</p>
        <Link href="/" className="mt-4 inline-block text-vigil underline">
          {t('home')}
        </Link>
      </main>
    </>
  );
}

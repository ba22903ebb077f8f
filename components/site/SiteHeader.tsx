import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { LanguageSwitcher } from './LanguageSwitcher';

export function SiteHeader() {
  const t = useTranslations('site');
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <div>
          <Link href="/" className="text-2xl font-bold text-vigil">
            {t('name')}
          </Link>
          <p className="text-sm text-stone-600">{t('tagline')}</p>
        </div>
        <LanguageSwitcher />
      </div>
    </header>
  );
}

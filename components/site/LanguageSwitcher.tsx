'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

const names: Record<(typeof routing.locales)[number], string> = { en: 'English', ko: '한국어' };

export function LanguageSwitcher() {
  const t = useTranslations('site');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t('language')}>
      <ul className="flex gap-3 text-sm">
        {routing.locales.map((candidate) => (
          <li key={candidate}>
            {candidate === locale ? (
              <span aria-current="true" className="font-semibold">
                {names[candidate]}
              </span>
            ) : (
              <Link href={pathname} locale={candidate} lang={candidate} hrefLang={candidate} className="underline">
                {names[candidate]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

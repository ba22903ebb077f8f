'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { LOCALE_SETTINGS } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';

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
                {LOCALE_SETTINGS[candidate].name}
              </span>
            ) : (
              <Link href={pathname} locale={candidate} lang={LOCALE_SETTINGS[candidate].htmlLang} hrefLang={LOCALE_SETTINGS[candidate].htmlLang} className="underline">
                {LOCALE_SETTINGS[candidate].name}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

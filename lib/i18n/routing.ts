import { defineRouting } from 'next-intl/routing';
import { DEFAULT_LOCALE, LOCALES } from './locales';

// The locale lives in the URL (/ for English, /ko for Korean, /zh for Chinese) so that every page can be cached.
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: 'as-needed',
  // The URL alone decides the language: no NEXT_LOCALE cookie on public answers (shared caches skip
  // responses that set one) and no redirect of / by Accept-Language (/ is the same page for everyone).
  localeCookie: false,
  localeDetection: false,
});

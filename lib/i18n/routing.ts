import { defineRouting } from 'next-intl/routing';

// The locale lives in the URL (/ for English, /ko for Korean) so that every page can be cached.
export const routing = defineRouting({
  locales: ['en', 'ko'],
  defaultLocale: 'en',
  localePrefix: 'as-needed',
});

export type Locale = (typeof routing.locales)[number];

import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

// Catalogs are split by area (public pages, staff console); each area's keys are its own namespaces.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const [publicMessages, staffMessages] = await Promise.all([
    import(`../../messages/${locale}/public.json`),
    import(`../../messages/${locale}/staff.json`),
  ]);
  return {
    locale,
    messages: { ...publicMessages.default, ...staffMessages.default },
    timeZone: 'UTC',
  };
});

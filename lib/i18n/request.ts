import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

// One catalog per area of the app, each owning its own top-level namespaces.
const CATALOGS = ['public', 'staff', 'advocacy', 'petitions', 'letters'] as const;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const catalogs = await Promise.all(
    CATALOGS.map(async (catalog) => (await import(`../../messages/${locale}/${catalog}.json`)).default),
  );
  return {
    locale,
    messages: Object.assign({}, ...catalogs),
    timeZone: 'UTC',
  };
});

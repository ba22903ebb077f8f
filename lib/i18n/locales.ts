/**
 * The languages Vigil speaks, in one place: routing, the language switcher, mails, posters, preview
 * cards and share tags all derive from this list. Adding a language is a folder in messages/ (the
 * key-parity test holds it to English) and one line here. Plain data: client components and the
 * command-line tools import it too.
 */
// name: in the language itself, for the switcher; htmlLang: the page's lang attribute (zh-Hans picks
// Simplified glyphs); openGraph: og:locale.
export const LOCALE_SETTINGS = {
  en: { name: 'English', htmlLang: 'en', openGraph: 'en_GB' },
  ko: { name: '한국어', htmlLang: 'ko', openGraph: 'ko_KR' },
  zh: { name: '简体中文', htmlLang: 'zh-Hans', openGraph: 'zh_CN' },
} as const satisfies Record<string, { name: string; htmlLang: string; openGraph: string }>;

export type Locale = keyof typeof LOCALE_SETTINGS;

/** The locales as a tuple, in the order the language switcher lists them. */
export const LOCALES = Object.keys(LOCALE_SETTINGS) as [Locale, ...Locale[]];

/** The language of unprefixed URLs (/cases/x); every other language lives under /<locale>. */
export const DEFAULT_LOCALE = 'en' satisfies Locale;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALE_SETTINGS, value);
}

/** A locale the site speaks, or the default one for anything else (a form field, a stored signer's language). */
export function knownLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The path prefix of a language's pages: '' for the default, '/ko' for Korean. */
export function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}

/**
 * The product's name, the same in every language (never transliterated: "Vigil", not "비질"). Code
 * that names the product (mail sender, PDF metadata, authenticator issuer) uses this; the message
 * catalogs write it literally, and lib/i18n/catalogs.test.ts holds every language to it.
 */
export const BRAND_NAME = 'Vigil';

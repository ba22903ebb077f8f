/**
 * Translations outside React (mails, PDFs, preview images): use-intl's core `createTranslator`, the one
 * next-intl re-exports. Taken from use-intl itself because next-intl's entry also loads its React client
 * provider, which plain Node (the CLIs, run with the react-server condition) cannot link.
 */
export { createTranslator } from 'use-intl/core';

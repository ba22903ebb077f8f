import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.next-bench/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
  {
    // The layering rules of CONVENTIONS.md: pages reach the database only through lib/, and
    // components only take types and schemas from lib/.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '@/db', '**/db/*'], message: 'app/ goes through lib/, never db/ directly.' }] }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db/*', '@/db'], message: 'components/ never touch the database.' },
            {
              group: ['@/lib/*/*', '!@/lib/*/public', '!@/lib/*/schemas', '!@/lib/*/vocabulary', '!@/lib/letters/template-language', '!@/lib/i18n/*', '!@/lib/format/*'],
              allowTypeImports: true,
              message: 'components/ take only types, zod schemas, vocabularies, the letter template language and formatting from lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The command-line tools run lib/ in plain Node with the react-server condition, where next-intl's entry
    // fails to link (it loads React client code): translations outside React come from use-intl's core,
    // the same createTranslator next-intl re-exports (db/cli/entry-points.test.ts starts every tool).
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'next-intl', importNames: ['createTranslator'], message: "Import createTranslator from 'use-intl/core': next-intl's entry links React client code, which the CLIs cannot load." }] },
      ],
    },
  },
]);

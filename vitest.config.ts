import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Outside Next's server bundle 'server-only' would throw; tests are server code.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    setupFiles: ['./db/vitest-setup.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', '.data/**'],
    pool: 'forks',
    // next-intl imports 'next/navigation' without an extension, which only a bundler resolves: let Vite
    // load it, so modules that import the adapters (lib/operations/adapters.ts) load in tests.
    server: { deps: { inline: ['next-intl'] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

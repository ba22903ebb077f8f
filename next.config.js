import fs from 'node:fs';
import path from 'node:path';
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// The benchmarks' build (bench/support/production-server.ts) adds the routes written as `*.bench.ts`
// (the bare route bench/sign.ts compares signing with) and goes to its own folder, so that no
// production build, and no `.next` folder, ever holds them.
const benchBuild = process.env.VIGIL_BENCH_BUILD === '1';
const distDir = benchBuild ? '.next-bench' : '.next';

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir,
  ...(benchBuild ? { pageExtensions: ['tsx', 'ts', 'jsx', 'js', 'bench.ts'] } : {}),
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run dev` opened at 127.0.0.1 as well as localhost: Next blocks its development scripts (HMR)
  // for any other origin, and the page would never become interactive.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // Shared caches may serve a page at most two minutes old: a retraction must not linger for a year.
  expireTime: 120,
  // Vigil's server compresses and tags public answers itself, once per stored page, with the policy
  // that lists the page's script hashes (lib/http/public-response-cache.ts); Next doing it too would
  // hand the server compressed bytes it cannot read, and ETags for pages whose policy it does not know.
  compress: false,
  generateEtags: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time; prom-client and
  // pino keep one registry and one logger per process, not one per bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'prom-client', 'pino'],
  // The rally kit's short links (lib/petitions/render-rally-poster.ts): /p/<slug> is the petition's page.
  async redirects() {
    return [
      { source: '/p/:slug', destination: '/petitions/:slug', permanent: false },
      // In every language: an unknown first segment lands on the not-found page either way.
      { source: '/:locale/p/:slug', destination: '/:locale/petitions/:slug', permanent: false },
    ];
  },
  experimental: {
    // Cached pages live in each instance's memory, never in a shared .next folder: two instances
    // (or two engines in the e2e run) must not serve each other's pages. Expiry is shared (below).
    isrFlushToDisk: false,
  },
};

// `npm run build` compiles server.ts and the cache handler to plain JavaScript next to Next's own
// build output, so that `npm start` runs on node alone (no TypeScript loader in the request path).
const compiledCacheHandler = path.resolve(distDir, 'vigil-server/lib/cache/shared-cache-handler.mjs');

/** @param {string} phase */
export default function config(phase) {
  if (phase !== PHASE_PRODUCTION_SERVER) return withNextIntl(nextConfig);
  // The production server keeps tag expiry in Postgres, shared by every instance: see
  // lib/cache/shared-cache-handler.ts.
  if (!fs.existsSync(compiledCacheHandler)) {
    throw new Error(`${compiledCacheHandler} is missing: build with \`npm run build\` (plain \`next build\` does not compile it).`);
  }
  return withNextIntl({ ...nextConfig, cacheHandler: compiledCacheHandler });
}

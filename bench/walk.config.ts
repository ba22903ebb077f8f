/** `npm run walk` (bench/walk.ts) runs with the tests' settings, on its own. */
import base from '../vitest.config';

// next-intl imports 'next/navigation' without an extension: inlined, as in vitest.config.ts (an older
// commit's config may lack it, and the walk is measured on old commits too).
const inline = { deps: { inline: ['next-intl'] } };

const walkConfig = { ...base, test: { ...base.test, include: ['bench/walk.ts'], server: inline } };

export default walkConfig;

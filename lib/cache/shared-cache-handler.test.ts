import { expect, it } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import SharedCacheHandler from './shared-cache-handler';

const page = (tags: string) => ({ kind: 'APP_PAGE', html: '<p>case</p>', headers: { 'x-next-cache-tags': tags } });

describeEachEngine('cache tags expire across app instances', () => {
  it('drops a page on every instance when one instance expires its tag', async () => {
    const instanceA = new SharedCacheHandler({ store: new Map(), skewMarginMs: 0 });
    const instanceB = new SharedCacheHandler({ store: new Map(), skewMarginMs: 0 });
    await instanceA.set('/en/cases/x', page('_N_T_/en/cases/x,public-cases'));
    await instanceB.set('/en/cases/x', page('_N_T_/en/cases/x,public-cases'));
    await instanceB.set('/en/other', page('_N_T_/en/other'));
    expect(await instanceB.get('/en/cases/x')).not.toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 5));
    await instanceA.revalidateTag('public-cases');

    expect(await instanceA.get('/en/cases/x')).toBeNull();
    expect(await instanceB.get('/en/cases/x')).toBeNull();
    expect(await instanceB.get('/en/other')).not.toBeNull();
  });

  it('keeps a page stored after the expiry, and expires data entries by their request tags', async () => {
    const handler = new SharedCacheHandler({ store: new Map(), skewMarginMs: 0 });
    await handler.revalidateTag(['public-cases']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await handler.set('/en', page('public-cases'));
    expect(await handler.get('/en')).toMatchObject({ value: { html: '<p>case</p>' } });

    await handler.set('data-key', { kind: 'FETCH', data: { body: '{}' } }, { tags: ['public-cases'], fetchCache: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await new SharedCacheHandler({ store: new Map() }).revalidateTag('public-cases');
    expect(await handler.get('data-key', { kind: 'FETCH', tags: ['public-cases'] })).toBeNull();
  });

  it('treats entries stored just before an expiry on a host with a faster clock as expired', async () => {
    const handler = new SharedCacheHandler({ store: new Map(), skewMarginMs: 2000 });
    await handler.set('/en', page('skew-test-tag'));
    await handler.revalidateTag(['unrelated-tag']);
    expect(await handler.get('/en')).not.toBeNull();
    await new SharedCacheHandler({ store: new Map() }).revalidateTag(['skew-test-tag']);
    expect(await handler.get('/en')).toBeNull();
  });

  it('evicts the least recently used entry when full', async () => {
    const handler = new SharedCacheHandler({ store: new Map(), maxEntries: 2 });
    await handler.set('a', page(''));
    await handler.set('b', page(''));
    await handler.get('a');
    await handler.set('c', page(''));
    expect(await handler.get('b')).toBeNull();
    expect(await handler.get('a')).not.toBeNull();
    expect(await handler.get('c')).not.toBeNull();
  });
});

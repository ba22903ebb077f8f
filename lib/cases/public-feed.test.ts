import { describe, expect, it } from 'vitest';
import type { PublicCase, PublicTimelineEvent } from './public';
import { buildAtomFeed } from './public-feed';

const event = (title: string, updatedAt: string, notice: PublicTimelineEvent['notice'] = null): PublicTimelineEvent => ({
  ref: `ref-${title.length}`,
  updatedAt,
  occurred: { date: '2017-11-01', precision: 'month' },
  endedOn: null,
  type: 'report',
  title,
  description: 'Details <b>&</b> more',
  place: null,
  verification: 'single_source',
  people: [],
  sources: [{ kind: 'informant_north_korea', attribution: 'a source inside North Korea', name: null, url: null }],
  notice,
});

const publicCase: PublicCase = {
  slug: 'a-case',
  title: 'A "case" & <more>',
  summary: '',
  urgency: 'high',
  archived: false,
  lastUpdatedAt: '2020-01-01T00:00:00.000Z',
  people: [],
  timeline: [event('Older', '2020-01-01T00:00:00.000Z'), event('Newer event', '2021-01-01T00:00:00.000Z', { kind: 'correction', on: '2021-01-01', reason: 'Date fixed' })],
  corrections: [],
  petitions: [],
};

describe('buildAtomFeed', () => {
  const xml = buildAtomFeed({
    id: 'https://vigil.test/cases/a-case/feed.xml',
    title: 'Feed',
    selfUrl: 'https://vigil.test/cases/a-case/feed.xml',
    pageUrl: 'https://vigil.test/cases/a-case',
    cases: [{ publicCase, pageUrl: 'https://vigil.test/cases/a-case' }],
    labels: { verification: (item) => `grade ${item.verification}`, notice: (item) => (item.notice ? `Corrected: ${item.notice.reason}` : null) },
  });

  it('lists public events newest first, with the correction notice and attributions', () => {
    expect(xml.indexOf('Newer event')).toBeLessThan(xml.indexOf('Older'));
    expect(xml).toContain('<updated>2021-01-01T00:00:00.000Z</updated>');
    expect(xml).toContain('Corrected: Date fixed');
    expect(xml).toContain('a source inside North Korea');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

  it('escapes everything it carries', () => {
    expect(xml).toContain('A &quot;case&quot; &amp; &lt;more&gt;: Older');
    expect(xml).toContain('Details &lt;b&gt;&amp;&lt;/b&gt; more');
    expect(xml).not.toContain('<b>');
  });
});

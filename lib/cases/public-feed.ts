/**
 * Atom feeds of public case updates, built from the public projection only (lib/cases/public.ts):
 * whatever a feed carries, the case page already shows.
 */
import type { PublicCase, PublicTimelineEvent } from './public';

export interface FeedCase {
  publicCase: PublicCase;
  /** The case page's absolute URL. */
  pageUrl: string;
}

export interface FeedLabels {
  verification: (event: PublicTimelineEvent) => string;
  notice: (event: PublicTimelineEvent) => string | null;
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 forbids would make the whole feed unreadable.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function entry({ publicCase, pageUrl }: FeedCase, event: PublicTimelineEvent, labels: FeedLabels): { updated: string; xml: string } {
  const notice = labels.notice(event);
  const lines = [notice, event.description, `${labels.verification(event)}`, event.sources.length ? event.sources.map((source) => source.attribution).join('; ') : null].filter(
    (line): line is string => Boolean(line),
  );
  const xml = [
    '  <entry>',
    `    <id>urn:vigil:event:${event.ref}</id>`,
    `    <title>${escapeXml(`${publicCase.title}: ${event.title}`)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>`,
    `    <updated>${event.updatedAt}</updated>`,
    `    <published>${event.occurred.date}T00:00:00Z</published>`,
    `    <content type="text">${escapeXml(lines.join('\n\n'))}</content>`,
    '  </entry>',
  ].join('\n');
  return { updated: event.updatedAt, xml };
}

export function buildAtomFeed(feed: { id: string; title: string; selfUrl: string; pageUrl: string; cases: FeedCase[]; labels: FeedLabels }): string {
  const entries = feed.cases
    .flatMap((item) => item.publicCase.timeline.map((event) => entry(item, event, feed.labels)))
    .sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = entries[0]?.updated ?? feed.cases.map((item) => item.publicCase.lastUpdatedAt).sort().at(-1) ?? new Date(0).toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Vigil</name></author>',
    ...entries.map((item) => item.xml),
    '</feed>',
    '',
  ].join('\n');
}

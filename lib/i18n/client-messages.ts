/**
 * Which messages travel to the browser. Every page's payload carries the messages its client
 * components may use; the whole catalog (staff consoles, letters, advocacy: about 40 KB) would
 * otherwise ride along in every public page. Staff pages get the whole catalog (see the staff layout).
 */
import type { AbstractIntlMessages } from 'next-intl';

/** What the public pages' client components use: the case browser, sign form, progress bar, language switcher. */
export const PUBLIC_CLIENT_NAMESPACES = [
  'site',
  'home',
  'case',
  'custodyStatus',
  'relation',
  'urgency',
  'verification',
  'eventType',
  'sourceKind',
  'dates',
  'notFound',
  'corrections',
  'caseStatus',
  'petition',
  'signForm',
  'petitionErrors',
  'confirmation',
  'withdrawal',
] as const;

export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name]!]));
}

/** The letters domain's fixed vocabularies, from the database enums, for zod and the UI. */
import { letterStatus, sendChannel, templatePurpose } from '@/db/schema/enums';

export const LETTER_STATUSES = letterStatus.enumValues;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
/** The states a letter is moved to by tracking it (it starts as "generated"). */
export type TrackedStatus = Exclude<LetterStatus, 'generated'>;
export const TRACKED_STATUSES = LETTER_STATUSES.filter((status): status is TrackedStatus => status !== 'generated');
/** Which states a letter may move to from each state: forward only, and a reply can still follow "no reply". */
export const NEXT_LETTER_STATUSES: Record<LetterStatus, TrackedStatus[]> = {
  generated: ['sent'],
  sent: ['delivered', 'replied', 'no_reply'],
  delivered: ['replied', 'no_reply'],
  no_reply: ['replied'],
  replied: [],
};
export const SEND_CHANNELS = sendChannel.enumValues;
export type SendChannel = (typeof SEND_CHANNELS)[number];
export { PAPER_SIZES, type PaperSize } from '@/lib/pdf/paper';
export const TEMPLATE_PURPOSES = templatePurpose.enumValues;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

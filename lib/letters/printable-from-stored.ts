/** A stored letter (or a draft about to be stored) laid out for print. */
import { letterDate } from './letter-words';
import { addressNameFor, type PrintableLetter, type TargetSnapshot } from './printable-letter';
import type { LetterLanguage } from './vocabulary';

export function printableLetter(
  letter: { language: LetterLanguage; renderedText: string; targetSnapshot: TargetSnapshot },
  batch: { senderName: string; senderOrganisation: string; createdOn: string },
): PrintableLetter {
  const target = letter.targetSnapshot;
  return {
    language: letter.language,
    senderName: batch.senderName,
    senderOrganisation: batch.senderOrganisation,
    dateLine: letterDate(batch.createdOn, letter.language),
    addressName: addressNameFor(target, letter.language),
    addressLines: target.addressLines.split('\n'),
    body: letter.renderedText,
  };
}

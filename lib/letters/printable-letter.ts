/** A letter laid out for print, built from a stored letter's text and its copy of the target. */
import type { LetterLanguage } from '@/lib/targets/vocabulary';
import { addressNameFor, letterDate } from './template-language';

export interface PrintableLetter {
  language: LetterLanguage;
  senderName: string;
  senderOrganisation: string;
  dateLine: string;
  addressName: string;
  addressLines: string[];
  body: string;
}

/** The copy of a target's details stored with every generated letter. */
export interface TargetSnapshot {
  key: string;
  kind: string;
  nameEn: string;
  nameLocal: string;
  nameZh: string;
  hostCountry: string;
  city: string;
  addressLines: string;
  email: string;
  fax: string;
  salutation: string;
}

/** A stored letter (or a draft about to be stored) laid out for print. */
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

/** A letter laid out for print, built from a stored letter's text and its copy of the target. */
import type { LetterLanguage } from './vocabulary';

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

export { addressNameFor } from './vocabulary';

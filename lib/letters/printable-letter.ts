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

/** The name on the envelope: the official name in the letter's language where the directory has it. */
export function addressNameFor(target: Pick<TargetSnapshot, 'nameEn' | 'nameLocal' | 'nameZh' | 'hostCountry'>, language: LetterLanguage): string {
  if (language === 'zh' && target.nameZh) return target.nameZh;
  if (language === 'ko' && target.hostCountry === 'KR' && target.nameLocal) return target.nameLocal;
  return target.nameEn;
}

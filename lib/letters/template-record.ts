/** A letter template as organizers see it. */
import type { LetterLanguage } from '@/lib/targets/vocabulary';
import type { TemplatePurpose } from './vocabulary';

export interface TemplateRecord {
  id: string;
  caseId: string;
  caseSlug: string;
  caseTitle: string;
  name: string;
  purpose: TemplatePurpose;
  language: LetterLanguage;
  body: string;
  version: number;
  updatedAt: string;
}

/** The letters domain's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { createTemplate } from './create-template';
import { generateLetterBatch } from './generate-letter-batch';
import { getBatchDocument } from './get-batch-document';
import { getTemplateWorkspace } from './get-template-workspace';
import { listLetters } from './list-letters';
import { trackLetter } from './track-letter';
import { updateTemplate } from './update-template';

export const letterOperations: readonly DefinedOperation[] = [
  getTemplateWorkspace,
  createTemplate,
  updateTemplate,
  listLetters,
  generateLetterBatch,
  getBatchDocument,
  trackLetter,
];

/** Authorization-matrix scenarios of the letters' operations (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { createTemplate } from './create-template';
import { generateLetterBatch } from './generate-letter-batch';
import { listLetters } from './list-letters';
import { listTemplates } from './list-templates';
import { insertLetter, insertPublicCase, insertTarget, insertTemplate } from './test-fixtures';
import { trackLetter } from './track-letter';
import { updateTemplate } from './update-template';

const body = '{{target.salutation}}\n\nWe write about {{person.alias}}, {{person.status}}.\n\n{{sender.name}}';

export const scenarios: AuthorizationScenarios = {
  'templates.list': { run: ({ session }) => listTemplates(session) },
  'templates.create': {
    prepare: async () => (await insertPublicCase()).slug,
    run: ({ session }, caseSlug) => createTemplate(session, { caseSlug, name: 'Appeal', language: 'en', body }),
  },
  'templates.update': {
    prepare: async () => {
      const { caseId, slug } = await insertPublicCase();
      return JSON.stringify({ templateId: await insertTemplate(caseId), slug });
    },
    run: ({ session }, prepared) => {
      const { templateId, slug } = JSON.parse(prepared) as { templateId: string; slug: string };
      return updateTemplate(session, { templateId, caseSlug: slug, name: 'Appeal, second draft', language: 'ko', body });
    },
  },
  'letters.list': { run: ({ session }) => listLetters(session) },
  'letters.generate': {
    prepare: async () => {
      const { caseId } = await insertPublicCase();
      return JSON.stringify({ templateId: await insertTemplate(caseId), targetId: await insertTarget() });
    },
    run: ({ session }, prepared) => {
      const { templateId, targetId } = JSON.parse(prepared) as { templateId: string; targetId: string };
      return generateLetterBatch(session, { templateId, selection: 'picked', targetIds: targetId, senderName: 'Test Sender' });
    },
  },
  'letters.download': {
    prepare: async () => (await insertLetter()).batchId,
    input: (_caller, batchId) => ({ batchId, format: 'pdf' }),
  },
  'letters.track': {
    prepare: async () => (await insertLetter()).letterId,
    run: ({ session }, letterId) => trackLetter(session, { letterId, status: 'sent', on: '2026-11-29', sentVia: 'post' }),
  },
};

/** Authorization-matrix scenarios of the letters' operations (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { insertLetter, insertPublicCase, insertTarget, insertTemplate } from './test-fixtures';

const body = '{{target.salutation}}\n\nWe write about {{person.alias}}, {{person.status}}.\n\n{{sender.name}}';

export const scenarios: AuthorizationScenarios = {
  'templates.list': { input: () => ({}) },
  'templates.create': {
    prepare: async () => (await insertPublicCase()).slug,
    input: (_caller, caseSlug) => ({ caseSlug, name: 'Appeal', language: 'en', body }),
  },
  'templates.update': {
    prepare: async () => {
      const { caseId, slug } = await insertPublicCase();
      return JSON.stringify({ templateId: await insertTemplate(caseId), slug });
    },
    input: (_caller, prepared) => {
      const { templateId, slug } = JSON.parse(prepared) as { templateId: string; slug: string };
      return { templateId, caseSlug: slug, name: 'Appeal, second draft', language: 'ko', body };
    },
  },
  'letters.list': { input: () => ({}) },
  'letters.generate': {
    prepare: async () => {
      const { caseId } = await insertPublicCase();
      return JSON.stringify({ templateId: await insertTemplate(caseId), targetId: await insertTarget() });
    },
    input: (_caller, prepared) => {
      const { templateId, targetId } = JSON.parse(prepared) as { templateId: string; targetId: string };
      return { templateId, selection: 'picked', targetIds: targetId, senderName: 'Test Sender' };
    },
  },
  'letters.download': {
    prepare: async () => (await insertLetter()).batchId,
    input: (_caller, batchId) => ({ batchId, format: 'pdf' }),
  },
  'letters.track': {
    prepare: async () => (await insertLetter()).letterId,
    input: (_caller, letterId) => ({ letterId, status: 'sent', on: '2026-11-29', sentVia: 'post' }),
  },
};

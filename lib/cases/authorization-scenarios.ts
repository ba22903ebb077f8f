/** How to call each case operation so that an allowed caller succeeds (lib/auth/authorization-matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { publicationRequests } from '@/db/schema';
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { createTestAccount } from '@/lib/auth/test-fixtures';
import type { CaseFieldsInput, PersonFieldsInput, SourceFieldsInput } from './schemas';
import { eventForm, insertTestCase, insertTestEvent, insertTestPerson, insertTestSource } from './test-fixtures';

const caseForm = (): CaseFieldsInput => ({
  slug: `matrix-${randomUUID().slice(0, 8)}`,
  title: 'Matrix case',
  urgency: 'moderate',
  lifecycle: 'draft',
  publicityMode: 'internal_only',
  familyConsentStatus: 'not_asked',
});
const personForm = (caseId: string): PersonFieldsInput => ({
  caseId,
  publicAlias: 'Person B',
  relation: 'son',
  custodyStatus: 'unknown',
  custodyAsOfPrecision: 'day',
});
const sourceForm: SourceFieldsInput = { kind: 'media', publicAttribution: 'a newspaper', origin: '' };
/** Two ids in one prepared target. */
const pair = (first: string, second: string) => `${first} ${second}`;
const split = (target: string) => target.split(' ') as [string, string];

const publicationRequest = async () => {
  const caseId = await insertTestCase();
  const requester = await createTestAccount({ role: 'advocate' });
  const [request] = await (await getDb())
    .insert(publicationRequests)
    .values({ caseId, requestedByUserId: requester.userId })
    .returning({ id: publicationRequests.id });
  return request!.id;
};

export const scenarios: AuthorizationScenarios = {
  'settings.readCaseRules': { input: () => ({}) },
  'settings.updateCaseRules': { input: () => ({ requireSecondApproval: 'on', reviewAfterDays: '30' }) },
  'cases.list': { input: () => ({ q: 'case' }) },
  'cases.read': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId }) },
  'cases.readHistory': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId }) },
  'cases.create': { input: () => caseForm() },
  'cases.update': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId, ...caseForm() }) },
  'cases.requestPublication': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId, note: 'The family asked us to campaign.' }) },
  'cases.approvePublication': { prepare: publicationRequest, input: (_caller, requestId) => ({ requestId }) },
  'cases.withdrawPublication': { prepare: publicationRequest, input: (_caller, requestId) => ({ requestId }) },
  'cases.exportDossier': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId, format: 'json' }) },
  'people.create': { prepare: () => insertTestCase(), input: (_caller, caseId) => personForm(caseId) },
  'people.update': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestPerson(caseId));
    },
    input: (_caller, target) => {
      const [caseId, personId] = split(target);
      return { ...personForm(caseId), personId };
    },
  },
  'events.create': { prepare: () => insertTestCase(), input: (_caller, caseId) => eventForm(caseId) },
  'events.update': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestEvent(caseId));
    },
    input: (_caller, target) => {
      const [caseId, eventId] = split(target);
      return { ...eventForm(caseId), eventId };
    },
  },
  'events.correct': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestEvent(caseId, { visibility: 'public' }));
    },
    input: (_caller, target) => {
      const [caseId, eventId] = split(target);
      return { ...eventForm(caseId), eventId, publicReason: 'The date was wrong.' };
    },
  },
  'events.retract': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestEvent(caseId, { visibility: 'public' }));
    },
    input: (_caller, target) => {
      const [caseId, eventId] = split(target);
      return { caseId, eventId, publicReason: 'The report was false.' };
    },
  },
  'sources.list': { input: () => ({}) },
  'sources.readConfidential': { prepare: () => insertTestSource({ name: 'Contact X', mayBeNamed: false }), input: (_caller, sourceId) => ({ sourceId }) },
  'sources.update': { prepare: () => insertTestSource(), input: (_caller, sourceId) => ({ ...sourceForm, sourceId }) },
};

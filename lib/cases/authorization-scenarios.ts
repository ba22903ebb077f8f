/** How to call each case operation so that an allowed caller succeeds (lib/auth/authorization-matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { eq } from 'drizzle-orm';
import { publicationRequests } from '@/db/schema';
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { createTestAccount } from '@/lib/auth/test-fixtures';
import type { CaseFieldsInput, PersonFieldsInput, SourceFieldsInput } from './schemas';
import { requestPublicationIn } from './publication-gate';
import { eventForm, insertTestCase, insertTestEvent, insertTestPerson, insertTestSource, reviewOf } from './test-fixtures';

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

/** A case meant to be public, with a waiting publication request by another advocate; the request's id. */
const publicationRequest = async () => {
  const caseId = await insertTestCase({ lifecycle: 'published' });
  const requester = await createTestAccount({ role: 'advocate' });
  const db = await getDb();
  const asked = await db.transaction((tx) =>
    requestPublicationIn(tx, { userId: requester.userId, email: requester.email, ip: '' }, { caseId, note: 'The family asked us to campaign.' }),
  );
  if ('refused' in asked) throw new Error(`The scenario's request was refused: ${asked.refused}`);
  return asked.requestId;
};
/** An urgent correction already public, by another advocate, waiting for its review after. */
const urgentPublication = async () => {
  const requestId = await publicationRequest();
  const db = await getDb();
  await db.update(publicationRequests).set({ status: 'approved', urgentReason: 'The wrong date endangers a source.' }).where(eq(publicationRequests.id, requestId));
  return requestId;
};

export const scenarios: AuthorizationScenarios = {
  'settings.readCaseRules': { input: () => ({}) },
  'settings.updateCaseRules': { input: () => ({ requireSecondApproval: 'on', reviewAfterDays: '30' }) },
  'cases.list': { input: () => ({ q: 'case' }) },
  'cases.read': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId }) },
  'cases.readHistory': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId }) },
  'cases.create': { input: () => caseForm() },
  'cases.update': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId, ...caseForm() }) },
  'cases.requestPublication': { prepare: () => insertTestCase({ lifecycle: 'published' }), input: (_caller, caseId) => ({ caseId, note: 'The family asked us to campaign.' }) },
  'cases.approvePublication': {
    prepare: async () => JSON.stringify(await reviewOf(await publicationRequest())),
    input: (_caller, reviewed) => JSON.parse(reviewed) as unknown,
  },
  'cases.withdrawPublication': { prepare: publicationRequest, input: (_caller, requestId) => ({ requestId }) },
  'cases.rejectPublication': { prepare: publicationRequest, input: (_caller, requestId) => ({ requestId, reason: 'One relayed source only.' }) },
  'cases.reviewUrgentPublication': { prepare: urgentPublication, input: (_caller, requestId) => ({ requestId }) },
  'publications.list': { input: () => ({}) },
  'publications.read': { prepare: () => insertTestCase(), input: (_caller, caseId) => ({ caseId }) },
  'publications.preview': {
    prepare: async () => {
      const requestId = await publicationRequest();
      const [row] = await (await getDb()).select({ caseId: publicationRequests.caseId }).from(publicationRequests).where(eq(publicationRequests.id, requestId));
      return pair(row!.caseId, requestId);
    },
    input: (_caller, target) => {
      const [caseId, requestId] = split(target);
      return { caseId, requestId };
    },
  },
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

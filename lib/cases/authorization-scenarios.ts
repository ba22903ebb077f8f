/**
 * How to call each case operation so that an allowed caller succeeds, and where the withheld fields of
 * case records show (lib/auth/authorization-matrix.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { eq } from 'drizzle-orm';
import { publicationRequests } from '@/db/schema';
import type { AuthorizationScenarios, FieldScenarios } from '@/lib/auth/authorization-scenario';
import { createTestAccount, sessionForRole } from '@/lib/auth/test-fixtures';
import { valueOf } from '@/lib/operations/testing';
import { createCase } from './create-case';
import { createEvent } from './create-event';
import { createPerson } from './create-person';
import { retractEvent } from './retract-event';
import type { CaseFieldsInput, PersonFieldsInput, SourceFieldsInput } from './schemas';
import { requestPublicationIn } from './publication-gate';
import { eventForm, insertTestCase, insertTestEvent, insertTestPerson, insertTestSource, reviewOf } from './test-fixtures';
import { updateSource } from './update-source';

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

/** A case written through the operations by an admin, so that its history holds every version. */
async function caseByAdmin(values: Partial<CaseFieldsInput> = {}) {
  const { session: admin } = await sessionForRole('admin');
  const { caseId } = await valueOf(createCase(admin, { ...caseForm(), ...values }));
  return { admin, caseId };
}

const caseReads = (caseId: string, file: string[], history: string[]) => [
  { operation: 'cases.read' as const, input: { caseId }, shows: file },
  { operation: 'cases.readHistory' as const, input: { caseId }, shows: history },
];

export const fieldScenarios: FieldScenarios = {
  'people.readLegalName': {
    prepare: async () => {
      const marker = `legal-${randomUUID()}`;
      const { admin, caseId } = await caseByAdmin();
      await valueOf(createPerson(admin, { ...personForm(caseId), legalName: `${marker} Kim` }));
      return { target: caseId, marker };
    },
    reads: (caseId, marker) => caseReads(caseId, [`${marker} Kim`], [`${marker} Kim`]),
  },
  'cases.readInternalNotes': {
    prepare: async () => {
      const marker = `notes-${randomUUID()}`;
      const { admin, caseId } = await caseByAdmin({ internalNotes: `${marker} case` });
      await valueOf(createPerson(admin, { ...personForm(caseId), internalNotes: `${marker} person` }));
      const { eventId } = await valueOf(createEvent(admin, eventForm(caseId, { internalNotes: `${marker} event` })));
      await valueOf(retractEvent(admin, { caseId, eventId, publicReason: 'The report was false.', correctionNote: `${marker} retraction` }));
      return { target: caseId, marker };
    },
    reads: (caseId, marker) =>
      caseReads(caseId, [`${marker} case`, `${marker} person`, `${marker} event`, `${marker} retraction`], [`${marker} case`, `${marker} person`, `${marker} event`]),
  },
  // The case: a source that could be named, made confidential again, is named by none of its versions.
  'sources.readConfidential': {
    prepare: async () => {
      const marker = `source-${randomUUID()}`;
      const { admin, caseId } = await caseByAdmin();
      const form = eventForm(caseId, {
        newSourceKind: 'family',
        newSourceAttribution: 'a relative',
        newSourceName: `${marker} name`,
        newSourceOrigin: `${marker} origin`,
        newSourceMayBeNamed: 'on',
      });
      const { eventId } = await valueOf(createEvent(admin, form));
      const [cited] = await (await getDb()).query.timelineEventSources.findMany({ where: (link, { eq }) => eq(link.eventId, eventId) });
      await valueOf(
        updateSource(admin, { ...sourceForm, kind: 'family', publicAttribution: 'a relative', name: `${marker} name`, origin: `${marker} origin`, mayBeNamed: false, sourceId: cited!.sourceId }),
      );
      return { target: caseId, marker };
    },
    reads: (caseId, marker) => [
      { operation: 'cases.readHistory', input: { caseId }, shows: [`${marker} name`, `${marker} origin`] },
      { operation: 'sources.list', input: {}, shows: [`${marker} name`, `${marker} origin`] },
    ],
  },
};

/** How to call each case operation so that an allowed caller succeeds (lib/auth/authorization-matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { publicationRequests } from '@/db/schema';
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { createTestAccount } from '@/lib/auth/test-fixtures';
import { approvePublication } from './approve-publication';
import { correctEvent } from './correct-event';
import { createCase } from './create-case';
import { createEvent } from './create-event';
import { createPerson } from './create-person';
import { createSource } from './create-source';
import { exportDossier } from './export-dossier';
import { getCaseFile } from './get-case-file';
import { getCaseHistory } from './get-case-history';
import { getCaseRules } from './get-case-rules';
import { getSourceDetails } from './get-source-details';
import { listCases } from './list-cases';
import { listSources } from './list-sources';
import { requestPublication } from './request-publication';
import { retractEvent } from './retract-event';
import type { CaseFieldsInput, PersonFieldsInput, SourceFieldsInput } from './schemas';
import { eventForm, insertTestCase, insertTestEvent, insertTestPerson, insertTestSource } from './test-fixtures';
import { updateCase } from './update-case';
import { updateCaseRules } from './update-case-rules';
import { updateEvent } from './update-event';
import { updatePerson } from './update-person';
import { updateSource } from './update-source';
import { withdrawPublication } from './withdraw-publication';

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

export const scenarios: AuthorizationScenarios = {
  'settings.readCaseRules': { run: ({ session }) => getCaseRules(session) },
  'settings.updateCaseRules': { run: ({ session }) => updateCaseRules(session, { requireSecondApproval: 'on', reviewAfterDays: '30' }) },
  'cases.list': { run: ({ session }) => listCases(session, { q: 'case' }) },
  'cases.read': { prepare: () => insertTestCase(), run: ({ session }, caseId) => getCaseFile(session, caseId) },
  'cases.readHistory': { prepare: () => insertTestCase(), run: ({ session }, caseId) => getCaseHistory(session, caseId) },
  'cases.create': { run: ({ session }) => createCase(session, caseForm()) },
  'cases.update': { prepare: () => insertTestCase(), run: ({ session }, caseId) => updateCase(session, { caseId, ...caseForm() }) },
  'cases.requestPublication': {
    prepare: () => insertTestCase(),
    run: ({ session }, caseId) => requestPublication(session, { caseId, note: 'The family asked us to campaign.' }),
  },
  'cases.approvePublication': {
    prepare: async () => {
      const caseId = await insertTestCase();
      const requester = await createTestAccount({ role: 'advocate' });
      const [request] = await (await getDb())
        .insert(publicationRequests)
        .values({ caseId, requestedByUserId: requester.userId })
        .returning({ id: publicationRequests.id });
      return request!.id;
    },
    run: ({ session }, requestId) => approvePublication(session, { requestId }),
  },
  'cases.withdrawPublication': {
    prepare: async () => {
      const caseId = await insertTestCase();
      const requester = await createTestAccount({ role: 'advocate' });
      const [request] = await (await getDb())
        .insert(publicationRequests)
        .values({ caseId, requestedByUserId: requester.userId })
        .returning({ id: publicationRequests.id });
      return request!.id;
    },
    run: ({ session }, requestId) => withdrawPublication(session, { requestId }),
  },
  'cases.exportDossier': { prepare: () => insertTestCase(), run: ({ session }, caseId) => exportDossier(session, caseId, 'json') },
  'people.create': { prepare: () => insertTestCase(), run: ({ session }, caseId) => createPerson(session, personForm(caseId)) },
  'people.update': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestPerson(caseId));
    },
    run: ({ session }, target) => {
      const [caseId, personId] = split(target);
      return updatePerson(session, { ...personForm(caseId), personId });
    },
  },
  'events.create': { prepare: () => insertTestCase(), run: ({ session }, caseId) => createEvent(session, eventForm(caseId)) },
  'events.update': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestEvent(caseId));
    },
    run: ({ session }, target) => {
      const [caseId, eventId] = split(target);
      return updateEvent(session, { ...eventForm(caseId), eventId });
    },
  },
  'events.correct': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestEvent(caseId, { visibility: 'public' }));
    },
    run: ({ session }, target) => {
      const [caseId, eventId] = split(target);
      return correctEvent(session, { ...eventForm(caseId), eventId, publicReason: 'The date was wrong.' });
    },
  },
  'events.retract': {
    prepare: async () => {
      const caseId = await insertTestCase();
      return pair(caseId, await insertTestEvent(caseId, { visibility: 'public' }));
    },
    run: ({ session }, target) => {
      const [caseId, eventId] = split(target);
      return retractEvent(session, { caseId, eventId, publicReason: 'The report was false.' });
    },
  },
  'sources.list': { run: ({ session }) => listSources(session) },
  'sources.readConfidential': {
    prepare: () => insertTestSource({ name: 'Contact X', mayBeNamed: false }),
    run: ({ session }, sourceId) => getSourceDetails(session, sourceId),
  },
  'sources.create': { run: ({ session }) => createSource(session, sourceForm) },
  'sources.update': {
    prepare: () => insertTestSource(),
    run: ({ session }, sourceId) => updateSource(session, { ...sourceForm, sourceId }),
  },
};

/**
 * Who sees what inside (issue 11, part 4), on both engines: an advocate without internal access never
 * receives a legal name, an internal note or a confidential source's identity, from the case file, the
 * history (every version) or the source list; and their saves keep the values they cannot see.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cases, casePeople, eventCorrections, sources, timelineEventSources, timelineEvents } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import type { StaffSession } from '@/lib/auth/staff-session';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { valueOf } from '@/lib/operations/testing';
import { correctEvent } from './correct-event';
import { createCase } from './create-case';
import { createEvent } from './create-event';
import { createPerson } from './create-person';
import { getCaseFile } from './get-case-file';
import { getCaseHistory } from './get-case-history';
import { listSources } from './list-sources';
import { retractEvent } from './retract-event';
import type { CaseFieldsInput, PersonFieldsInput } from './schemas';
import { eventForm, insertTestEvent } from './test-fixtures';
import { updateCase } from './update-case';
import { updateEvent } from './update-event';
import { updatePerson } from './update-person';
import { updateSource } from './update-source';

const caseForm = (marker: string): CaseFieldsInput => ({
  slug: `inside-${randomUUID().slice(0, 8)}`,
  title: 'Case of the Kim family',
  internalNotes: `${marker} case notes`,
  urgency: 'high',
  lifecycle: 'draft',
  publicityMode: 'internal_only',
  familyConsentStatus: 'not_asked',
});
const personForm = (caseId: string, marker: string): PersonFieldsInput => ({
  caseId,
  publicAlias: 'Mr. K',
  legalName: `${marker} Kim Chol`,
  relation: 'principal',
  custodyStatus: 'detained_in_china',
  custodyAsOfPrecision: 'day',
  internalNotes: `${marker} person notes`,
});

describeEachEngine('who sees what inside', ({ db }) => {
  let plain: StaffSession;
  let insider: StaffSession;
  beforeAll(async () => {
    plain = (await sessionForRole('advocate')).session;
    insider = (await sessionForRole('advocate', { internalAccess: true })).session;
  });

  describe('an advocate without internal access', () => {
    let marker: string;
    let caseId: string;
    let personId: string;
    let sourceId: string;
    beforeAll(async () => {
      marker = `withheld-${randomUUID()}`;
      ({ caseId } = await valueOf(createCase(insider, caseForm(marker))));
      ({ personId } = await valueOf(createPerson(insider, personForm(caseId, marker))));
      // A source that may be named when the event cites it: its first version names it.
      const { eventId } = await valueOf(
        createEvent(
          insider,
          eventForm(caseId, {
            internalNotes: `${marker} event notes`,
            personIds: personId,
            newSourceKind: 'family',
            newSourceAttribution: 'a relative in Seoul',
            newSourceName: `${marker} Park Mi-ja`,
            newSourceUrl: `https://example.org/${marker}`,
            newSourceOrigin: `${marker} origin`,
            newSourceMayBeNamed: 'on',
          }),
        ),
      );
      await valueOf(retractEvent(insider, { caseId, eventId, publicReason: 'The report was wrong.', correctionNote: `${marker} retraction note` }));
      [{ sourceId }] = (await db().select({ sourceId: timelineEventSources.sourceId }).from(timelineEventSources).where(eq(timelineEventSources.eventId, eventId))) as [{ sourceId: string }];
      // Then the relative asks not to be named after all.
      await valueOf(
        updateSource(insider, {
          sourceId,
          kind: 'family',
          publicAttribution: 'a relative in Seoul',
          mayBeNamed: false,
          name: `${marker} Park Mi-ja`,
          url: `https://example.org/${marker}`,
          origin: `${marker} origin`,
        }),
      );
    });

    it('receives no legal name, internal note or confidential source identity from the case file', async () => {
      const file = await valueOf(getCaseFile(plain, { caseId }));
      expect(JSON.stringify(file)).not.toContain(marker);
      expect(file.access).toEqual({ legalNames: false, internalNotes: false, confidentialSources: false });
      expect(file.record.internalNotes).toBeNull();
      expect(file.people).toMatchObject([{ publicAlias: 'Mr. K', legalName: null, internalNotes: null }]);
      expect(file.events[0]).toMatchObject({ internalNotes: null, corrections: [{ kind: 'retraction', publicReason: 'The report was wrong.', internalNote: null }] });

      // Someone with internal access reads them all from the same file.
      const full = await valueOf(getCaseFile(insider, { caseId }));
      expect(full.record.internalNotes).toBe(`${marker} case notes`);
      expect(full.people[0]).toMatchObject({ legalName: `${marker} Kim Chol`, internalNotes: `${marker} person notes` });
      expect(full.events[0]).toMatchObject({ internalNotes: `${marker} event notes`, corrections: [{ internalNote: `${marker} retraction note` }] });
    });

    it('receives none of them from any version in the history, not even the source versions saved while it could be named', async () => {
      const history = await valueOf(getCaseHistory(plain, { caseId }));
      expect(JSON.stringify(history)).not.toContain(marker);
      const sourceVersions = history.filter((version) => version.entityType === 'source');
      expect(sourceVersions.map((version) => [version.version, version.snapshot.mayBeNamed, version.withheld])).toEqual([
        [2, false, ['name', 'url', 'internalNotes', 'origin']],
        [1, true, ['name', 'url', 'internalNotes', 'origin']],
      ]);
      expect(sourceVersions[1]!.snapshot).toMatchObject({ publicAttribution: 'a relative in Seoul' });
      const person = history.find((version) => version.entityType === 'person');
      expect(person).toMatchObject({ withheld: ['legalName', 'internalNotes'], snapshot: { publicAlias: 'Mr. K' } });
      expect(person!.snapshot).not.toHaveProperty('legalName');

      const full = await valueOf(getCaseHistory(insider, { caseId }));
      expect(full.every((version) => version.withheld.length === 0)).toBe(true);
      expect(full.find((version) => version.entityType === 'source' && version.version === 1)?.snapshot).toMatchObject({ name: `${marker} Park Mi-ja`, mayBeNamed: true });
      expect(full.find((version) => version.entityType === 'person')?.snapshot).toMatchObject({ legalName: `${marker} Kim Chol` });
    });

    it('receives the source by its attribution only in the source list', async () => {
      const listed = (await valueOf(listSources(plain, {}))).find((source) => source.id === sourceId);
      expect(listed).toEqual({ id: sourceId, kind: 'family', publicAttribution: 'a relative in Seoul', mayBeNamed: false, name: null, url: null, origin: null, internalNotes: null, confidentialHidden: true });
      expect((await valueOf(listSources(insider, {}))).find((source) => source.id === sourceId)).toMatchObject({ name: `${marker} Park Mi-ja` });
    });
  });

  it('keeps the legal name and the notes an advocate without internal access cannot see when they save', async () => {
    const marker = `kept-${randomUUID()}`;
    const form = caseForm(marker);
    const { caseId } = await valueOf(createCase(insider, form));
    const { personId } = await valueOf(createPerson(insider, personForm(caseId, marker)));
    const { eventId } = await valueOf(createEvent(insider, eventForm(caseId, { internalNotes: `${marker} event notes` })));
    const publicEventId = await insertTestEvent(caseId, { title: 'Held in Tumen', visibility: 'public', internalNotes: `${marker} public event notes` });
    const [source] = await db()
      .insert(sources)
      .values({ kind: 'informant_china', publicAttribution: 'a contact in Yanji', name: `${marker} contact`, internalNotes: `${marker} source notes` })
      .returning({ id: sources.id });

    // What the console's forms send back when the fields read "restricted": nothing in them.
    expect(await updateCase(plain, { caseId, ...form, title: 'Case of the K family', internalNotes: '' })).toMatchObject({ ok: true });
    expect(await updatePerson(plain, { ...personForm(caseId, marker), personId, publicAlias: 'Mr. Kim', legalName: '', internalNotes: '' })).toMatchObject({ ok: true });
    expect(await updateEvent(plain, { ...eventForm(caseId, { title: 'Moved to Tumen', internalNotes: '' }), eventId })).toMatchObject({ ok: true });
    expect(
      await correctEvent(plain, { ...eventForm(caseId, { title: 'Held in Tumen, not Yanji', visibility: 'public', internalNotes: '' }), eventId: publicEventId, publicReason: 'The city was wrong.' }),
    ).toMatchObject({ ok: true });
    expect(await updateSource(plain, { sourceId: source!.id, kind: 'informant_china', publicAttribution: 'a contact in Jilin', name: '', internalNotes: '' })).toMatchObject({ ok: true });

    // The visible changes were saved, the hidden values kept.
    expect(await db().select({ title: cases.title, internalNotes: cases.internalNotes }).from(cases).where(eq(cases.id, caseId))).toEqual([
      { title: 'Case of the K family', internalNotes: `${marker} case notes` },
    ]);
    expect(await db().select({ alias: casePeople.publicAlias, legalName: casePeople.legalName, internalNotes: casePeople.internalNotes }).from(casePeople).where(eq(casePeople.id, personId))).toEqual([
      { alias: 'Mr. Kim', legalName: `${marker} Kim Chol`, internalNotes: `${marker} person notes` },
    ]);
    const events = await db().select({ id: timelineEvents.id, title: timelineEvents.title, internalNotes: timelineEvents.internalNotes }).from(timelineEvents).where(eq(timelineEvents.caseId, caseId));
    expect(events.find((event) => event.id === eventId)).toEqual({ id: eventId, title: 'Moved to Tumen', internalNotes: `${marker} event notes` });
    expect(events.find((event) => event.id === publicEventId)).toEqual({ id: publicEventId, title: 'Held in Tumen, not Yanji', internalNotes: `${marker} public event notes` });
    expect(await db().select({ attribution: sources.publicAttribution, name: sources.name, internalNotes: sources.internalNotes }).from(sources).where(eq(sources.id, source!.id))).toEqual([
      { attribution: 'a contact in Jilin', name: `${marker} contact`, internalNotes: `${marker} source notes` },
    ]);
    // The versions their saves left keep the values too, for those who may read them.
    const history = await valueOf(getCaseHistory(insider, { caseId }));
    expect(history.find((version) => version.entityType === 'person')?.snapshot).toMatchObject({ publicAlias: 'Mr. Kim', legalName: `${marker} Kim Chol` });
    expect(await db().select({ kind: eventCorrections.kind }).from(eventCorrections).where(eq(eventCorrections.eventId, publicEventId))).toEqual([{ kind: 'correction' }]);

    // Someone with internal access clears them with the same form.
    expect(await updatePerson(insider, { ...personForm(caseId, marker), personId, legalName: '', internalNotes: '' })).toMatchObject({ ok: true });
    expect(await db().select({ legalName: casePeople.legalName, internalNotes: casePeople.internalNotes }).from(casePeople).where(eq(casePeople.id, personId))).toEqual([
      { legalName: null, internalNotes: '' },
    ]);
  });
});

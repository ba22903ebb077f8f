import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { CaseForm } from '@/components/advocacy/CaseForm';
import { EventForm, type EventFormValues } from '@/components/advocacy/EventForm';
import { PersonForm } from '@/components/advocacy/PersonForm';
import { RetractEventForm } from '@/components/advocacy/RetractEventForm';
import { SourceForm } from '@/components/advocacy/SourceForm';
import { custodyTone, urgencyTone, verificationTone } from '@/components/cases/tones';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { Notice } from '@/components/ui/Notice';
import { loadStaffPage, pageValue } from '@/lib/operations/adapters';
import type { CaseFileEvent } from '@/lib/cases/get-case-file';
import { getCaseFile } from '@/lib/cases/get-case-file';
import { getCasePublication } from '@/lib/cases/get-publication';
import { listSources } from '@/lib/cases/list-sources';
import { formatPartialDate } from '@/lib/format/partial-date';
import { Link } from '@/lib/i18n/navigation';
import {
  correctEventAction,
  createEventAction,
  createPersonAction,
  retractEventAction,
  updateCaseAction,
  updateEventAction,
  updatePersonAction,
  updateSourceAction,
} from '../actions';
import { PublicationPanel } from './_components/PublicationPanel';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'advocacy.meta' }))('caseFile') };
}

const eventValues = (event: CaseFileEvent): EventFormValues => ({
  occurredOn: event.occurredOn,
  occurredPrecision: event.occurredPrecision,
  endedOn: event.endedOn ?? '',
  eventType: event.eventType,
  title: event.title,
  description: event.description,
  place: event.place ?? '',
  visibility: event.visibility,
  disputed: event.disputed,
  internalNotes: event.internalNotes ?? '',
  personIds: event.personIds,
  sourceIds: event.sourceIds,
});

export default async function CaseFilePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const page = await loadStaffPage(locale, async (session) => ({
    file: await pageValue(getCaseFile(session, { caseId: id })),
    sources: await pageValue(listSources(session, {})),
    publication: await pageValue(getCasePublication(session, { caseId: id })),
  }));
  if (page.forbidden) return <Forbidden />;
  const { file, sources, publication } = page.data;
  const [t, tRoot, format] = await Promise.all([getTranslations('advocacy'), getTranslations(), getFormatter()]);
  const approx = (year: string) => tRoot('dates.approximately', { year });
  const record = file.record;
  const people = file.people.map((person) => ({ id: person.id, alias: person.publicAlias }));
  const sourceOptions = sources.map((source) => ({
    id: source.id,
    label: `${source.publicAttribution} (${tRoot(`sourceKind.${source.kind}`)}${source.name ? `: ${source.name}` : ''}${source.origin ? ` · ${t('source.originShort')} ${source.origin}` : ''})`,
  }));
  const citedSources = sources.filter((source) => file.events.some((event) => event.sourceIds.includes(source.id)));
  // Once the public has seen an event it changes only in the open (corrected, retracted); until then it is edited like a draft.
  const published = (event: CaseFileEvent) => event.visibility === 'public' && !event.notYetPublished;
  const aliasOf = new Map(file.people.map((person) => [person.id, person.publicAlias]));
  // The public page exists only while a published snapshot is public.
  const isPublic = publication.published?.isPublic === true;
  const panel = 'rounded border border-stone-200 bg-white p-5 shadow-sm';

  return (
    <div className="space-y-8">
      <div>
        <Link href="/admin/cases" className="text-sm text-vigil underline">
          ← {t('list.title')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{record.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={urgencyTone[record.urgency]}>{tRoot(`urgency.${record.urgency}`)}</Badge>
          <Badge>{t(`lifecycle.${record.lifecycle}`)}</Badge>
          <Badge tone={record.publicityMode === 'public_campaign' ? 'info' : 'neutral'}>{t(`publicityMode.${record.publicityMode}`)}</Badge>
          <Link href={`/admin/cases/${record.id}/history`} className="text-vigil underline">
            {t('caseFile.history')}
          </Link>
          {isPublic ? (
            <Link href={`/cases/${record.slug}`} className="text-vigil underline">
              {t('caseFile.publicPage')}
            </Link>
          ) : null}
          {file.canExport ? (
            <>
              <a href={`/api/admin/cases/${record.id}/dossier?format=pdf`} className="text-vigil underline">
                {t('caseFile.exportPdf')}
              </a>
              <a href={`/api/admin/cases/${record.id}/dossier?format=json`} className="text-vigil underline">
                {t('caseFile.exportJson')}
              </a>
            </>
          ) : null}
        </div>
      </div>

      <PublicationPanel
        record={{ id: record.id, publicityMode: record.publicityMode, familyConsentStatus: record.familyConsentStatus, consentAllowsPublication: file.consentAllowsPublication }}
        publication={publication}
      />

      {file.canEdit ? (
        <details className={panel}>
          <summary className="cursor-pointer text-lg font-semibold">{t('caseFile.editCase')}</summary>
          <div className="mt-4">
            <CaseForm
              action={updateCaseAction}
              caseId={record.id}
              notesWithheld={!file.access.internalNotes}
              initial={{
                slug: record.slug,
                title: record.title,
                publicSummary: record.publicSummary,
                internalNotes: record.internalNotes ?? '',
                urgency: record.urgency,
                lifecycle: record.lifecycle,
                publicityMode: record.publicityMode,
                familyConsentStatus: record.familyConsentStatus,
                familyConsentRecordedOn: record.familyConsentRecordedOn ?? '',
                consentWaiverReason: record.consentWaiverReason,
                nextReviewOn: record.nextReviewOn ?? '',
              }}
            />
          </div>
        </details>
      ) : (
        <section className={panel}>
          <p className="whitespace-pre-line text-sm">{record.publicSummary}</p>
          <p className="mt-2 whitespace-pre-line text-sm text-stone-600">{file.access.internalNotes ? record.internalNotes : t('restricted')}</p>
        </section>
      )}

      <section aria-labelledby="people" className="space-y-3">
        <h2 id="people" className="text-lg font-semibold">
          {t('caseFile.people')}
        </h2>
        {file.people.map((person) => (
          <details key={person.id} className={panel} data-testid="console-person">
            <summary className="cursor-pointer">
              <span className="font-medium">{person.publicAlias}</span> ({tRoot(`relation.${person.relation}`)}){' '}
              <Badge tone={custodyTone(person.custodyStatus)}>{tRoot(`custodyStatus.${person.custodyStatus}`)}</Badge>{' '}
              {person.custodyPlace ?? ''}{' '}
              {person.custodyAsOf ? tRoot('case.asOf', { date: formatPartialDate({ date: person.custodyAsOf, precision: person.custodyAsOfPrecision }, locale, approx) }) : ''}
            </summary>
            {file.canEdit ? (
              <div className="mt-4">
                <PersonForm
                  action={updatePersonAction}
                  caseId={record.id}
                  personId={person.id}
                  withheld={{ legalName: !file.access.legalNames, internalNotes: !file.access.internalNotes }}
                  initial={{
                    publicAlias: person.publicAlias,
                    legalName: person.legalName ?? '',
                    relation: person.relation,
                    birthYear: person.birthYear === null ? '' : String(person.birthYear),
                    birthYearApproximate: person.birthYearApproximate,
                    isMinor: person.isMinor,
                    custodyStatus: person.custodyStatus,
                    custodyPlace: person.custodyPlace ?? '',
                    custodyAsOf: person.custodyAsOf ?? '',
                    custodyAsOfPrecision: person.custodyAsOfPrecision,
                    internalNotes: person.internalNotes ?? '',
                  }}
                />
              </div>
            ) : null}
          </details>
        ))}
        {file.canEdit ? (
          <details className={panel}>
            <summary className="cursor-pointer font-medium text-vigil">{t('person.add')}</summary>
            <div className="mt-4">
              <PersonForm action={createPersonAction} caseId={record.id} />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-lg font-semibold">
          {t('caseFile.timeline')}
        </h2>
        {file.events.length === 0 ? <p className="text-sm text-stone-600">{t('caseFile.noEvents')}</p> : null}
        <ol className="space-y-3">
          {file.events.map((event) => (
            <li key={event.id} className={panel} data-testid="console-event">
              <p className="text-sm text-stone-600">
                {formatPartialDate({ date: event.occurredOn, precision: event.occurredPrecision }, locale, approx)} · {tRoot(`eventType.${event.eventType}`)}
                {event.place ? ` · ${event.place}` : ''}
              </p>
              <h3 className="font-semibold">{event.title}</h3>
              <div className="mt-1 flex flex-wrap gap-2">
                <Badge tone={event.visibility === 'public' ? 'info' : 'neutral'}>{t(`visibility.${event.visibility}`)}</Badge>
                <Badge tone={verificationTone(event.verificationGrade)}>{tRoot(`verification.${event.verificationGrade}`)}</Badge>
                {event.notYetPublished ? <Badge tone="warning">{t('publication.notYetPublished')}</Badge> : null}
                {event.corrections.map((correction, index) => (
                  <Badge key={index} tone="warning">
                    {t(`correction.badge.${correction.kind}`, { date: format.dateTime(new Date(correction.createdAt), { dateStyle: 'medium' }) })}: {correction.publicReason}
                  </Badge>
                ))}
              </div>
              {event.personIds.length > 0 ? (
                <p className="mt-1 text-sm text-stone-600">
                  {tRoot('case.concernsLine', { people: format.list(event.personIds.map((personId) => aliasOf.get(personId) ?? '')) })}
                </p>
              ) : null}
              {event.internalNotes ? <p className="mt-1 text-sm text-stone-700">{event.internalNotes}</p> : null}
              {file.canEdit && !event.retractedAt ? (
                <div className="mt-3 space-y-2">
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-vigil">{published(event) ? t('event.correct') : t('event.edit')}</summary>
                    <div className="mt-3">
                      <EventForm
                        action={published(event) ? correctEventAction : updateEventAction}
                        mode={published(event) ? 'correct' : 'update'}
                        caseId={record.id}
                        eventId={event.id}
                        initial={eventValues(event)}
                        people={people}
                        sources={sourceOptions}
                        notesWithheld={!file.access.internalNotes}
                        allowUrgent={publication.rules.allowUrgentCorrections}
                      />
                    </div>
                  </details>
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-red-800">{t('correction.retract')}</summary>
                    <div className="mt-3">
                      <RetractEventForm
                        action={retractEventAction}
                        caseId={record.id}
                        eventId={event.id}
                        allowUrgent={published(event) && publication.rules.allowUrgentCorrections}
                      />
                    </div>
                  </details>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {file.canEdit ? (
          <details className={panel} open={file.events.length === 0}>
            <summary className="cursor-pointer font-medium text-vigil">{t('event.add')}</summary>
            <div className="mt-4">
              <EventForm action={createEventAction} mode="create" caseId={record.id} people={people} sources={sourceOptions} />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="sources" className="space-y-3">
        <h2 id="sources" className="text-lg font-semibold">
          {t('caseFile.sources')}
        </h2>
        {sources[0]?.confidentialHidden ? <Notice>{t('source.confidentialHidden')}</Notice> : null}
        {citedSources.map((source) => (
          <details key={source.id} className={panel}>
            <summary className="cursor-pointer">
              {source.publicAttribution} <span className="text-sm text-stone-600">({tRoot(`sourceKind.${source.kind}`)})</span>
            </summary>
            {file.canEdit ? (
              <div className="mt-3">
                <SourceForm
                  action={updateSourceAction}
                  sourceId={source.id}
                  confidentialHidden={source.confidentialHidden}
                  initial={{
                    kind: source.kind,
                    publicAttribution: source.publicAttribution,
                    mayBeNamed: source.mayBeNamed,
                    name: source.name ?? '',
                    url: source.url ?? '',
                    origin: source.origin ?? '',
                    internalNotes: source.internalNotes ?? '',
                  }}
                />
              </div>
            ) : null}
          </details>
        ))}
      </section>
    </div>
  );
}

import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleForm } from '@/components/petitions/console/ConsoleForm';
import { DeliverySummary } from '@/components/petitions/console/DeliverySummary';
import { PublicTextSummary } from '@/components/petitions/console/PublicTextSummary';
import { ActivityPanel } from '@/components/petitions/console/ActivityPanel';
import { EventPanel } from '@/components/petitions/console/EventPanel';
import { LiveRefresh } from '@/components/petitions/console/LiveRefresh';
import { SignaturesByCountryChart, SignaturesPerDayChart } from '@/components/petitions/console/SignatureCharts';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { qrCodeSvg } from '@/lib/format/qr-code';
import { loadStaffPage, pageValue } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';
import { POSTER_SIZES } from '@/lib/pdf/paper';
import { ACTIVITY_WINDOW_MINUTES, getPetitionActivity } from '@/lib/petitions/get-petition-activity';
import { FIGURE_DAYS, getPetitionFigures } from '@/lib/petitions/get-petition-figures';
import { publicPageUrl } from '@/lib/share/share-metadata';
import { SIGNING_LOCALES } from '@/lib/petitions/vocabulary';
import { formatMilestones } from '@/lib/petitions/milestones';
import { EDITABLE_PETITION_STATUSES } from '@/lib/petitions/vocabulary';
import {
  blockSourceAction,
  closePetitionAction,
  endPetitionEventAction,
  invalidateRecentSignaturesAction,
  invalidateSignaturesAction,
  markDeliveredAction,
  requestPetitionPublicationAction,
  releaseHeldSignaturesAction,
  restoreSignaturesAction,
  startPetitionEventAction,
  updatePetitionAction,
} from '../actions';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'petitionConsole' }))('figures') };
}

const localInput = (value: Date | null) => (value ? value.toISOString().slice(0, 16) : '');

export default async function PetitionConsolePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  // An id that is not a petition's (or not an id at all) is the page's "not found".
  const page = await loadStaffPage(locale, async (session) => ({
    figures: await pageValue(getPetitionFigures(session, { petitionId: id })),
    activity: await pageValue(getPetitionActivity(session, { petitionId: id })),
  }));
  if (page.forbidden) return <Forbidden />;
  const { activity } = page.data;
  const { petition, delivery, confirmed, pending, invalidated, perDay, byCountry, topDomains, topAddresses, invalidations, held, heldByAddress } = page.data.figures;
  const [t, format] = await Promise.all([getTranslations('petitionConsole'), getFormatter()]);
  const finished = petition.status === 'closed' || petition.status === 'delivered';
  // The QR code at a rally opens the petition's public page, where people sign.
  const signingUrl = publicPageUrl(locale, `/petitions/${petition.slug}`);
  // Each poster language named in the reader's (the site's languages come from lib/i18n/locales.ts).
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  const qrSvg = activity.event ? await qrCodeSvg(signingUrl) : null;
  return (
    <div className="space-y-8">
      <LiveRefresh />
      <div>
        <Link href="/admin/petitions" className="text-sm text-vigil underline">
          ← {t('backToList')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{petition.title}</h1>
        <p className="text-sm text-stone-600">
          {petition.caseTitle} · <Badge>{t(`status.${petition.status}`)}</Badge>
          {petition.casePublic ? (
            <>
              {' · '}
              <Link href={`/petitions/${petition.slug}`} className="underline">
                {t('viewPublic')}
              </Link>
            </>
          ) : null}
        </p>
        {petition.casePublic ? null : (
          <p role="status" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="case-not-public">
            {t('caseNotPublic')}
          </p>
        )}
      </div>

      <PublicTextSummary
        publicText={page.data.figures.publicText}
        askAgain={
          <ConsoleForm
            schema="petitionId"
            action={requestPetitionPublicationAction}
            idPrefix="ask-review"
            submit={t('publicText.askAgain')}
            tone="secondary"
            defaults={{ petitionId: petition.id }}
            fields={[{ name: 'petitionId', label: '', type: 'hidden' }]}
          />
        }
      />

      {delivery ? <DeliverySummary delivery={delivery} /> : null}

      <section aria-labelledby="figures" className="space-y-4 rounded border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="figures" className="text-lg font-semibold">
          {t('figures')}
        </h2>
        <dl className="grid grid-cols-3 gap-4 text-center" data-testid="petition-figures">
          <div>
            <dt className="text-sm text-stone-600">{t('confirmed')}</dt>
            <dd className="text-2xl font-bold tabular-nums">{format.number(confirmed)}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t('pending')}</dt>
            <dd className="text-2xl font-bold tabular-nums">{format.number(pending)}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t('invalidated')}</dt>
            <dd className="text-2xl font-bold tabular-nums">{format.number(invalidated)}</dd>
          </div>
        </dl>
        <p className="text-xs text-stone-600">{t('liveNote')}</p>
        <SignaturesPerDayChart days={FIGURE_DAYS} perDay={perDay} />
        <SignaturesByCountryChart byCountry={byCountry} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold">{t('topDomains')}</h3>
            <ul className="mt-1 text-sm">
              {topDomains.map((row) => (
                <li key={row.domain}>
                  <span className="font-mono">{row.domain}</span> · {row.count}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-semibold">{t('topAddresses')}</h3>
            <ul className="mt-1 text-sm">
              {topAddresses.map((row) => (
                <li key={row.ipHash}>
                  <span className="font-mono text-xs">{row.ipHash}</span> · {row.count}
                </li>
              ))}
            </ul>
          </div>
        </div>
        <p>
          <a href={`/api/admin/petitions/${petition.id}/export`} className="text-vigil underline" download>
            {t('exportCsv')}
          </a>
          <span className="block text-xs text-stone-600">{t('exportHelp')}</span>
        </p>
      </section>

      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="rally-kit" data-testid="rally-kit">
        <h2 id="rally-kit" className="mb-1 text-lg font-semibold">
          {t('rallyKit')}
        </h2>
        <p className="mb-3 text-sm text-stone-600">{t('rallyKitHelp')}</p>
        {petition.casePublic && petition.status !== 'draft' ? (
          <ul className="grid gap-3 text-sm sm:grid-cols-2">
            {SIGNING_LOCALES.map((language) => (
              <li key={language}>
                <span className="font-medium">{languageNames.of(language)}</span>
                <ul className="mt-1 space-y-1">
                  {POSTER_SIZES.map((paper) => (
                    <li key={paper}>
                      <a href={`/api/admin/petitions/${petition.id}/rally-kit?paper=${paper}&language=${language}`} className="text-vigil underline" download>
                        {t('rallyKitFile', { paper })}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t('rallyKitNotPublic')}</p>
        )}
      </section>

      <EventPanel petitionId={petition.id} activity={activity} qrSvg={qrSvg} signingUrl={signingUrl} canStart={!finished} start={startPetitionEventAction} end={endPetitionEventAction} />

      <ActivityPanel
        petitionId={petition.id}
        activity={activity}
        windowMinutes={ACTIVITY_WINDOW_MINUTES}
        actions={{ release: releaseHeldSignaturesAction, invalidate: invalidateRecentSignaturesAction, block: blockSourceAction }}
      />

      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="held">
        <h2 id="held" className="mb-1 text-lg font-semibold">
          {t('held')} <span data-testid="petition-held">{format.number(held)}</span>
        </h2>
        <p className="mb-3 text-sm text-stone-600">{t('heldHelp')}</p>
        <ul className="divide-y divide-stone-200 text-sm">
          {heldByAddress.map((row) => (
            <li key={row.ipHash} className="flex flex-wrap items-center gap-3 py-2">
              <span className="font-mono text-xs">{row.ipHash}</span>
              <span>{t('heldFromAddress', { count: row.count, confirmed: row.confirmed })}</span>
              <ConsoleForm
                schema="releaseHeldSignatures"
                action={releaseHeldSignaturesAction}
                idPrefix={`release-${row.ipHash}`}
                submit={t('release')}
                tone="secondary"
                defaults={{ petitionId: petition.id, ipHash: row.ipHash }}
                fields={[
                  { name: 'petitionId', label: '', type: 'hidden' },
                  { name: 'ipHash', label: '', type: 'hidden' },
                ]}
              />
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <h2 className="mb-1 text-lg font-semibold">{t('invalidate')}</h2>
        <p className="mb-3 text-sm text-stone-600">{t('invalidateHelp')}</p>
        <ConsoleForm
          schema="invalidateSignatures"
          action={invalidateSignaturesAction}
          idPrefix="invalidate"
          submit={t('invalidateButton')}
          tone="danger"
          defaults={{ petitionId: petition.id }}
          fields={[
            { name: 'petitionId', label: '', type: 'hidden' },
            { name: 'domain', label: t('domain') },
            { name: 'ipHash', label: t('ipHash') },
            { name: 'from', label: t('from'), type: 'datetime-local' },
            { name: 'to', label: t('to'), type: 'datetime-local' },
            { name: 'reason', label: t('reason') },
          ]}
        />
        <h3 className="mt-6 text-sm font-semibold">{t('invalidations')}</h3>
        {invalidations.length === 0 ? <p className="text-sm">{t('noInvalidations')}</p> : null}
        <ul className="mt-2 space-y-2 text-sm">
          {invalidations.map((item) => (
            <li key={item.id} className="rounded border border-stone-200 p-2">
              <span className="font-medium">{item.reason}</span> · {t('invalidated_done', { count: item.signatureCount })} ·{' '}
              {format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              <span className="block font-mono text-xs text-stone-600">
                {Object.entries(item.filter)
                  .filter(([, value]) => value)
                  .map(([key, value]) => `${key}=${value}`)
                  .join(' ')}
              </span>
              {item.revertedAt ? (
                <Badge>{t('reverted')}</Badge>
              ) : (
                <ConsoleForm
                  schema="restoreSignatures"
                  action={restoreSignaturesAction}
                  idPrefix={`restore-${item.id}`}
                  submit={t('restore')}
                  tone="secondary"
                  defaults={{ invalidationId: item.id }}
                  fields={[{ name: 'invalidationId', label: '', type: 'hidden' }]}
                />
              )}
            </li>
          ))}
        </ul>
      </section>

      {finished ? null : (
        <section className="rounded border border-stone-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-lg font-semibold">{t('edit')}</h2>
          <ConsoleForm
            schema="updatePetition"
            action={updatePetitionAction}
            idPrefix="edit"
            submit={t('save')}
            defaults={{
              petitionId: petition.id,
              slug: petition.slug,
              title: petition.title,
              target: petition.target,
              goal: String(petition.goal),
              milestones: formatMilestones(petition.milestones),
              body: petition.body,
              status: petition.status,
              opensAt: localInput(petition.opensAt),
              closesAt: localInput(petition.closesAt),
            }}
            fields={[
              { name: 'petitionId', label: '', type: 'hidden' },
              { name: 'status', label: t('fields.status'), type: 'select', options: EDITABLE_PETITION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })) },
              { name: 'slug', label: t('fields.slug') },
              { name: 'title', label: t('fields.title') },
              { name: 'target', label: t('fields.target') },
              { name: 'goal', label: t('fields.goal'), type: 'number' },
              { name: 'milestones', label: t('fields.milestones'), type: 'textarea', help: t('fields.milestonesHelp') },
              { name: 'body', label: t('fields.body'), type: 'textarea' },
              { name: 'opensAt', label: t('fields.opensAt'), type: 'datetime-local' },
              { name: 'closesAt', label: t('fields.closesAt'), type: 'datetime-local' },
            ]}
          />
        </section>
      )}

      <div className="grid gap-6 sm:grid-cols-2">
        {finished ? null : (
          <section className="rounded border border-stone-200 bg-white p-6 shadow-sm">
            <h2 className="mb-1 text-lg font-semibold">{t('close')}</h2>
            <p className="mb-3 text-sm text-stone-600">{t('closeHelp')}</p>
            <ConsoleForm schema="petitionId" action={closePetitionAction} idPrefix="close" submit={t('close')} tone="danger" defaults={{ petitionId: petition.id }} fields={[{ name: 'petitionId', label: '', type: 'hidden' }]} />
          </section>
        )}
        {petition.status === 'delivered' || petition.status === 'draft' ? null : (
          <section className="rounded border border-stone-200 bg-white p-6 shadow-sm">
            <h2 className="mb-3 text-lg font-semibold">{t('deliver')}</h2>
            <ConsoleForm
              schema="markDelivered"
              action={markDeliveredAction}
              idPrefix="deliver"
              submit={t('deliver')}
              defaults={{ petitionId: petition.id, deliveredOn: new Date().toISOString().slice(0, 10) }}
              fields={[
                { name: 'petitionId', label: '', type: 'hidden' },
                { name: 'deliveredOn', label: t('deliveredOn'), type: 'date' },
                { name: 'deliveredTo', label: t('deliveredTo') },
                { name: 'note', label: t('deliveryNote'), type: 'textarea' },
              ]}
            />
          </section>
        )}
      </div>
    </div>
  );
}

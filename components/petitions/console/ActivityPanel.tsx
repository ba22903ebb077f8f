import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/Badge';
import type { PetitionActivity } from '@/lib/petitions/get-petition-activity';
import { type ConsoleAction, ConsoleForm } from './ConsoleForm';

// Enough of a hash to tell two addresses apart on screen; the whole hash only travels in the forms.
const HASH_PREFIX = 8;

interface SourceRow {
  key: string;
  label: string;
  count: number;
  held?: number;
  /** The one-click forms of this row, if any. */
  actions?: ReactNode;
}

/** One list of sources, each with a bar of its share of the busiest: what organizers compare at a glance. */
function SourceList({ title, rows, testId }: { title: string; rows: SourceRow[]; testId: string }) {
  const t = useTranslations('petitionConsole.activity');
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <div>
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="mt-1 divide-y divide-stone-200 text-sm" data-testid={testId}>
        {rows.map((row) => (
          <li key={row.key} className="space-y-1 py-2" data-testid={`${testId}-row`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-mono text-xs">{row.label}</span>
              <span className="tabular-nums">
                {t('signatures', { count: row.count })}
                {row.held ? <span className="ml-2 text-amber-800">{t('heldCount', { count: row.held })}</span> : null}
              </span>
            </div>
            <svg viewBox="0 0 100 6" preserveAspectRatio="none" className="h-2 w-full" aria-hidden="true">
              <rect x={0} y={0} width={100} height={6} className="fill-stone-100" />
              <rect x={0} y={0} width={Math.max(1, (row.count / max) * 100)} height={6} className="fill-orange-800" />
            </svg>
            {row.actions ? <div className="flex flex-wrap items-start gap-2">{row.actions}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface ActivityActions {
  release: ConsoleAction;
  /** Sets aside the source's signatures of the last hour (the action adds the hour's start). */
  invalidate: ConsoleAction;
  block: ConsoleAction;
}

/**
 * The last hour of one petition by source: address hashes (their start only), e-mail domains,
 * countries, with the held total; each address and domain with its one-click release, invalidation and block.
 */
export function ActivityPanel({ petitionId, activity, actions, windowMinutes }: { petitionId: string; activity: PetitionActivity; actions: ActivityActions; windowMinutes: number }) {
  const t = useTranslations('petitionConsole.activity');
  const locale = useLocale();
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const invalidateForm = (idPrefix: string, filter: { ipHash?: string; domain?: string }) => (
    <ConsoleForm
      schema="invalidateSignatures"
      action={actions.invalidate}
      idPrefix={idPrefix}
      submit={t('invalidate')}
      tone="danger"
      defaults={{ petitionId, ...filter, reason: t('invalidateReason') }}
      fields={['petitionId', ...Object.keys(filter), 'reason'].map((name) => ({ name, label: '', type: 'hidden' as const }))}
    />
  );
  const blockForm = (idPrefix: string, kind: 'ip_hash' | 'email_domain', value: string, blocked: boolean) =>
    blocked ? (
      <Badge>{t('blocked')}</Badge>
    ) : (
      <ConsoleForm
        schema="addBlocklistEntry"
        action={actions.block}
        idPrefix={idPrefix}
        submit={t('block')}
        tone="danger"
        defaults={{ kind, value, note: t('blockNote') }}
        fields={['kind', 'value', 'note'].map((name) => ({ name, label: '', type: 'hidden' as const }))}
      />
    );
  const addresses: SourceRow[] = activity.addresses.map((row) => ({
    key: row.ipHash,
    label: `${row.ipHash.slice(0, HASH_PREFIX)}…`,
    count: row.count,
    held: row.held,
    actions: (
      <>
        {row.held > 0 ? (
          <ConsoleForm
            schema="releaseHeldSignatures"
            action={actions.release}
            idPrefix={`activity-release-${row.ipHash}`}
            submit={t('release')}
            tone="secondary"
            defaults={{ petitionId, ipHash: row.ipHash }}
            fields={[
              { name: 'petitionId', label: '', type: 'hidden' },
              { name: 'ipHash', label: '', type: 'hidden' },
            ]}
          />
        ) : null}
        {invalidateForm(`activity-invalidate-${row.ipHash}`, { ipHash: row.ipHash })}
        {blockForm(`activity-block-${row.ipHash}`, 'ip_hash', row.ipHash, row.blocked)}
      </>
    ),
  }));
  const domains: SourceRow[] = activity.domains.map((row) => ({
    key: row.domain,
    label: row.domain,
    count: row.count,
    held: row.held,
    actions: (
      <>
        {invalidateForm(`activity-invalidate-${row.domain}`, { domain: row.domain })}
        {blockForm(`activity-block-${row.domain}`, 'email_domain', row.domain, row.blocked)}
      </>
    ),
  }));
  const countries: SourceRow[] = activity.countries.map((row) => ({ key: row.country, label: names.of(row.country) ?? row.country, count: row.count }));
  return (
    <section aria-labelledby="activity" className="space-y-4 rounded border border-stone-200 bg-white p-6 shadow-sm" data-testid="activity-panel">
      <div>
        <h2 id="activity" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-stone-600">{t('help', { minutes: windowMinutes })}</p>
      </div>
      <p className="text-sm">
        {t('heldTotal')}: <span className="font-bold tabular-nums" data-testid="activity-held">{activity.held}</span>
      </p>
      {activity.addresses.length === 0 ? <p className="text-sm text-stone-600">{t('none')}</p> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <SourceList title={t('addresses')} rows={addresses} testId="activity-addresses" />
        <SourceList title={t('domains')} rows={domains} testId="activity-domains" />
        <SourceList title={t('countries')} rows={countries} testId="activity-countries" />
      </div>
    </section>
  );
}

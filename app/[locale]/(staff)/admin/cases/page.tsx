import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { custodyTone, urgencyTone } from '@/components/cases/tones';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { toPage } from '@/lib/operations/adapters';
import { listCases } from '@/lib/cases/list-cases';
import { caseListFilterSchema } from '@/lib/cases/schemas';
import { CASE_LIFECYCLES, CUSTODY_STATUSES, PUBLICITY_MODES, URGENCY_LEVELS } from '@/lib/cases/vocabulary';
import { Link } from '@/lib/i18n/navigation';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'advocacy.meta' }))('cases') };
}

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CasesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filter = caseListFilterSchema.parse(query);
  const page = await toPage(locale, listCases, query);
  if (page.forbidden) return <Forbidden />;
  const [t, tRoot, format] = await Promise.all([getTranslations('advocacy'), getTranslations(), getFormatter()]);
  const select = (name: string, values: readonly string[], label: (value: string) => string, current?: string) => (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{t(`list.filters.${name}` as 'list.filters.urgency')}</span>
      <select name={name} defaultValue={current ?? ''} className="rounded border border-stone-300 bg-white px-2 py-1">
        <option value="">{t('list.filters.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('list.title')}</h1>
        <Link href="/admin/cases/new" className="rounded bg-vigil px-3 py-2 text-sm font-medium text-white">
          {t('list.newCase')}
        </Link>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-4" role="search">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t('list.filters.q')}</span>
          <input type="search" name="q" defaultValue={filter.q ?? ''} className="rounded border border-stone-300 px-2 py-1" />
        </label>
        {select('custodyStatus', CUSTODY_STATUSES, (value) => tRoot(`custodyStatus.${value}` as 'custodyStatus.unknown'), filter.custodyStatus)}
        {select('urgency', URGENCY_LEVELS, (value) => tRoot(`urgency.${value}` as 'urgency.low'), filter.urgency)}
        {select('publicityMode', PUBLICITY_MODES, (value) => t(`publicityMode.${value}` as 'publicityMode.internal_only'), filter.publicityMode)}
        {select('lifecycle', CASE_LIFECYCLES, (value) => t(`lifecycle.${value}` as 'lifecycle.draft'), filter.lifecycle)}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="reviewDue" value="1" defaultChecked={filter.reviewDue} />
          {t('list.filters.reviewDue')}
        </label>
        <button type="submit" className="rounded bg-vigil px-3 py-1.5 text-sm font-medium text-white">
          {t('list.filters.apply')}
        </button>
      </form>
      {page.data.cases.length === 0 ? (
        <p className="text-stone-600">{t('list.empty')}</p>
      ) : (
        <ul className="grid gap-3" data-testid="console-cases">
          {page.data.cases.map((item) => (
            <li key={item.id} data-testid="console-case" className="rounded border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={urgencyTone[item.urgency]}>{tRoot(`urgency.${item.urgency}`)}</Badge>
                <Badge>{t(`lifecycle.${item.lifecycle}`)}</Badge>
                <Badge tone={item.publicityMode === 'public_campaign' ? 'info' : 'neutral'}>{t(`publicityMode.${item.publicityMode}`)}</Badge>
                {item.reviewReasons.map((reason) => (
                  <Badge key={reason} tone="warning">
                    {t(`review.${reason}`)}
                  </Badge>
                ))}
                {item.pendingPublications > 0 ? <Badge tone="warning">{t('list.pending', { count: item.pendingPublications })}</Badge> : null}
              </div>
              <h2 className="mt-2 text-lg font-semibold">
                <Link href={`/admin/cases/${item.id}`} className="text-vigil hover:underline">
                  {item.title}
                </Link>
              </h2>
              <p className="text-xs text-stone-600">
                {item.slug} · {t('list.updated', { date: format.dateTime(new Date(item.updatedAt), { dateStyle: 'medium' }) })}
              </p>
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {item.people.map((person, index) => (
                  <li key={index} className="flex items-center gap-1">
                    {person.alias}: <Badge tone={custodyTone(person.custodyStatus)}>{tRoot(`custodyStatus.${person.custodyStatus}`)}</Badge>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

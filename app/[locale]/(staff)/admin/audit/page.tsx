import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/staff/Forbidden';
import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { toPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';
import { DataTable } from '@/components/ui/DataTable';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'staff.meta' }))('audit') };
}

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

function show(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value);
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const filter = Object.fromEntries(
    [...FILTERS, 'before'].map((key) => [key, typeof query[key] === 'string' ? query[key] : undefined]),
  );
  const page = await toPage(locale, listAuditEntries, filter);
  if (page.forbidden) return <Forbidden />;
  const [t, format] = await Promise.all([getTranslations('staff'), getFormatter()]);
  const { entries, nextBefore } = page.data;
  const olderQuery = new URLSearchParams(
    Object.entries({ ...filter, before: nextBefore ? String(nextBefore) : undefined }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
      <p className="max-w-prose text-sm text-stone-700">{t('audit.intro')}</p>
      <form method="get" className="grid gap-3 rounded border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-3">
        {FILTERS.map((key) => (
          <label key={key} className="text-sm">
            <span className="block font-medium">{t(`audit.${key}`)}</span>
            <input
              name={key}
              type={key === 'from' || key === 'to' ? 'date' : 'text'}
              defaultValue={filter[key] ?? ''}
              className="mt-1 block w-full rounded border border-stone-300 px-2 py-1"
            />
          </label>
        ))}
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-vigil px-3 py-2 text-sm font-medium text-white">
            {t('audit.filter')}
          </button>
          <Link href="/admin/audit" className="text-sm underline">
            {t('audit.clear')}
          </Link>
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="text-stone-700">{t('audit.empty')}</p>
      ) : (
        <DataTable headings={['#', t('audit.columns.when'), t('audit.columns.who'), t('audit.columns.action'), t('audit.columns.record'), t('audit.columns.change'), t('audit.columns.ip')]} textSize="xs" alignRowsTop>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-3 py-2 text-stone-500">{entry.id}</td>
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(new Date(entry.occurredAt), { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td className="px-3 py-2">{entry.actorEmail}</td>
                  <td className="px-3 py-2 font-mono">{entry.action}</td>
                  <td className="px-3 py-2 font-mono">
                    {entry.entityType}
                    <br />
                    <span className="text-stone-500">{entry.entityId}</span>
                  </td>
                  <td className="min-w-[22rem] px-3 py-2 font-mono break-words">
                    <div className="text-stone-500">{show(entry.before)}</div>
                    <div>→ {show(entry.after)}</div>
                  </td>
                  <td className="px-3 py-2">{entry.ip}</td>
                </tr>
              ))}
            </DataTable>
      )}
      {nextBefore ? (
        <Link href={`/admin/audit?${olderQuery.toString()}`} className="text-sm text-vigil underline">
          {t('audit.older')}
        </Link>
      ) : null}
    </div>
  );
}

import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { toPage } from '@/lib/operations/adapters';
import { getCaseHistory } from '@/lib/cases/get-case-history';
import { Link } from '@/lib/i18n/navigation';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'advocacy.meta' }))('history') };
}

/**
 * Every version of every record of the case, newest first: who changed what, and what it was before.
 * A field the reader may not see reads "restricted" in every version.
 */
export default async function CaseHistoryPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, getCaseHistory, { caseId: id });
  if (page.forbidden) return <Forbidden />;
  const [t, format] = await Promise.all([getTranslations('advocacy'), getFormatter()]);
  return (
    <div className="space-y-6">
      <Link href={`/admin/cases/${id}`} className="text-sm text-vigil underline">
        ← {t('caseFile.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t('history.title')}</h1>
      {page.data.length === 0 ? <p className="text-stone-600">{t('history.empty')}</p> : null}
      <ol className="space-y-3">
        {page.data.map((version) => (
          <li key={`${version.entityType}-${version.entityId}-${version.version}`} className="rounded border border-stone-200 bg-white p-4 text-sm shadow-sm" data-testid="record-version">
            <div className="flex flex-wrap items-center gap-2">
              <Badge>{t(`history.kind.${version.entityType}`)}</Badge>
              <span className="font-medium">{String(version.snapshot.title ?? version.snapshot.publicAlias ?? version.snapshot.publicAttribution ?? '')}</span>
              <span className="text-stone-600">
                {t('history.line', {
                  version: version.version,
                  change: version.changeKind,
                  who: version.changedBy ?? '—',
                  date: format.dateTime(new Date(version.changedAt), { dateStyle: 'medium', timeStyle: 'short' }),
                })}
              </span>
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-vigil">{t('history.snapshot')}</summary>
              <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded bg-stone-50 p-2 text-xs">
                {JSON.stringify({ ...version.snapshot, ...Object.fromEntries(version.withheld.map((key) => [key, t('restricted')])) }, null, 2)}
              </pre>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}

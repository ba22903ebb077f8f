import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { listPublicationQueue } from '@/lib/cases/get-publication';
import { toPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'advocacy.meta' }))('publications') };
}

/** Every publication waiting for a second staff member, oldest first, with its age; and urgent corrections to review. */
export default async function PublicationQueuePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, listPublicationQueue, {});
  if (page.forbidden) return <Forbidden />;
  const [t, format] = await Promise.all([getTranslations('advocacy.publicationQueue'), getFormatter()]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-sm text-stone-600">{t('help')}</p>
      </div>
      {page.data.length === 0 ? (
        <p className="text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2 pr-3">{t('case')}</th>
              <th scope="col" className="py-2 pr-3">{t('kind')}</th>
              <th scope="col" className="py-2 pr-3">{t('requestedBy')}</th>
              <th scope="col" className="py-2">{t('age')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((item) => (
              <tr key={item.requestId} className="border-b border-stone-100" data-testid="publication-queue-item">
                <td className="py-2 pr-3">
                  <Link href={`/admin/cases/${item.caseId}`} className="text-vigil underline">
                    {item.caseTitle}
                  </Link>
                </td>
                <td className="py-2 pr-3">{t(`kinds.${item.kind}`)}</td>
                <td className="py-2 pr-3">
                  {item.requestedBy} {item.requestedByMe ? <Badge tone="info">{t('yours')}</Badge> : null}
                </td>
                <td className="py-2">
                  <time dateTime={item.requestedAt}>{format.relativeTime(new Date(item.requestedAt), now)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

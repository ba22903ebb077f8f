import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PublicCaseView } from '@/components/cases/PublicCaseView';
import { Forbidden } from '@/components/staff/Forbidden';
import { Notice } from '@/components/ui/Notice';
import { getPublicationPreview } from '@/lib/cases/get-publication';
import { fromSnapshot } from '@/lib/cases/public';
import { toPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';

type Props = { params: Promise<{ locale: string; id: string; requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'advocacy.meta' }))('preview'), robots: { index: false, follow: false } };
}

/** The public case page as a waiting publication request would make it, for its reviewer: never public itself. */
export default async function PublicationPreviewPage({ params }: Props) {
  const { locale, id, requestId } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, getPublicationPreview, { caseId: id, requestId });
  if (page.forbidden) return <Forbidden />;
  const { content, stale } = page.data;
  const t = await getTranslations('advocacy.preview');
  const now = new Date().toISOString();
  // Dates the public would read are stamped at publication: the preview shows today's.
  const publicCase = content ? fromSnapshot(content, { lastUpdatedAt: now, events: {} }) : null;
  return (
    <div className="space-y-6">
      <Link href={`/admin/cases/${id}`} className="text-sm text-vigil underline">
        ← {t('back')}
      </Link>
      <div className="rounded border-2 border-dashed border-amber-500 bg-amber-50 p-3 font-semibold text-amber-900" role="note" data-testid="preview-banner">
        {t('banner')}
      </div>
      {stale ? <Notice tone="warning">{t('stale')}</Notice> : null}
      {publicCase ? (
        <article className="rounded border border-stone-200 bg-white p-6" data-testid="publication-preview">
          <PublicCaseView publicCase={publicCase}>
            {publicCase.petitions.length > 0 ? (
              <section aria-labelledby="petitions-heading" className="mt-10" data-testid="preview-petitions">
                <h2 id="petitions-heading" className="mb-4 text-xl font-semibold">
                  {t('petitions')}
                </h2>
                {publicCase.petitions.map((petition) => (
                  <div key={petition.slug} className="mb-4 rounded border border-stone-200 p-4">
                    <h3 className="text-lg font-semibold">{petition.title}</h3>
                    <p className="text-sm text-stone-600">
                      {t('petitionTarget', { target: petition.target })} · {t('petitionAddress', { slug: petition.slug })}
                    </p>
                    <p className="mt-2 max-w-prose whitespace-pre-line text-stone-800">{petition.body}</p>
                  </div>
                ))}
              </section>
            ) : null}
          </PublicCaseView>
        </article>
      ) : (
        <Notice tone="warning">{t('takeDown')}</Notice>
      )}
    </div>
  );
}

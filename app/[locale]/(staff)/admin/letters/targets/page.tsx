import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ImportTargetsForm } from '@/components/letters/ImportTargetsForm';
import { TargetForm } from '@/components/letters/TargetForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { toPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';
import { listTargets } from '@/lib/targets/list-targets';
import { LettersNav } from '../LettersNav';
import { createTargetAction, importTargetsAction, updateTargetAction } from './actions';
import { DataTable } from '@/components/ui/DataTable';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'letters.meta' }))('targets') };
}

export default async function TargetsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ edit?: string }> }) {
  const { locale } = await params;
  const { edit } = await searchParams;
  setRequestLocale(locale);
  const page = await toPage(locale, listTargets, {});
  if (page.forbidden) return <Forbidden />;
  const t = await getTranslations('letters');
  const editing = page.data.find((target) => target.id === edit);
  return (
    <div className="space-y-8">
      <LettersNav current="targets" />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('targets.title')}</h1>
        <a href="/api/letters/targets" className="text-sm font-medium text-vigil underline" download>
          {t('targets.export')}
        </a>
      </div>
      <p className="max-w-prose text-sm text-stone-700">{t('targets.intro')}</p>
      {editing ? (
        <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="edit-target">
          <div className="mb-4 flex items-baseline justify-between">
            <h2 id="edit-target" className="text-lg font-semibold">
              {t('targets.editTitle', { name: editing.nameEn })}
            </h2>
            <Link href="/admin/letters/targets" className="text-sm underline">
              {t('targets.cancel')}
            </Link>
          </div>
          <TargetForm key={editing.id} action={updateTargetAction} target={editing} />
        </section>
      ) : null}
      <section aria-labelledby="directory">
        <h2 id="directory" className="sr-only">
          {t('targets.title')}
        </h2>
        {page.data.length === 0 ? (
          <p className="text-stone-600">{t('targets.empty')}</p>
        ) : (
          <DataTable headings={[t('targets.columns.name'), t('targets.columns.kind'), t('targets.columns.place'), t('targets.columns.languages'), t('targets.columns.verified'), t('targets.columns.status'), '']}>
                {page.data.map((target) => (
                  <tr key={target.id}>
                    <td className="px-3 py-2">
                      <div className="font-medium">{target.nameEn}</div>
                      {target.nameLocal ? <div className="text-stone-700">{target.nameLocal}</div> : null}
                      {target.nameZh ? <div className="text-stone-700">{target.nameZh}</div> : null}
                      <div className="mt-1 whitespace-pre-line text-xs text-stone-600">{target.addressLines}</div>
                    </td>
                    <td className="px-3 py-2">{t(`kinds.${target.kind}`)}</td>
                    <td className="px-3 py-2">
                      {target.city}, {target.hostCountry}
                    </td>
                    <td className="px-3 py-2">{target.preferredLanguages.join(', ')}</td>
                    <td className="px-3 py-2">
                      {target.verifiedOn ?? t('targets.notVerified')}
                      {target.sourceUrl ? (
                        <>
                          {' · '}
                          <a href={target.sourceUrl} className="underline" rel="noreferrer noopener" target="_blank">
                            {t('targets.source')}
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={target.status === 'active' ? 'success' : 'warning'}>{t(`targetStatuses.${target.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/admin/letters/targets?edit=${target.id}`} className="underline">
                        {t('targets.edit')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </DataTable>
        )}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="import-targets">
          <h2 id="import-targets" className="mb-2 text-lg font-semibold">
            {t('targets.importTitle')}
          </h2>
          <p className="mb-4 text-sm text-stone-600">{t('targets.importHelp')}</p>
          <ImportTargetsForm action={importTargetsAction} />
        </section>
        <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="new-target">
          <h2 id="new-target" className="mb-4 text-lg font-semibold">
            {t('targets.newTitle')}
          </h2>
          <TargetForm action={createTargetAction} />
        </section>
      </div>
    </div>
  );
}

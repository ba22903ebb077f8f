import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleForm } from '@/components/petitions/console/ConsoleForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { toPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';
import { listPetitions } from '@/lib/petitions/list-petitions';
import { createPetitionAction, setSitePauseAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'petitionConsole' }))('title') };
}

export default async function PetitionsConsolePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, listPetitions, {});
  if (page.forbidden) return <Forbidden />;
  const { petitions, cases, sitePaused } = page.data;
  const t = await getTranslations('petitionConsole');
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link href="/admin/petitions/blocklist" className="text-sm text-vigil underline">
          {t('blocklist')}
        </Link>
      </div>
      <p className="text-stone-700">{t('intro')}</p>
      {sitePaused ? <p className="rounded bg-amber-50 p-2 text-amber-900">{t('sitePaused')}</p> : null}

      {petitions.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="petition-list">
          <thead>
            <tr className="border-b border-stone-300">
              <th className="py-2">{t('columns.title')}</th>
              <th>{t('columns.status')}</th>
              <th className="text-right">{t('columns.confirmed')}</th>
              <th className="text-right">{t('columns.pending')}</th>
              <th className="text-right">{t('columns.goal')}</th>
            </tr>
          </thead>
          <tbody>
            {petitions.map((petition) => (
              <tr key={petition.id} className="border-b border-stone-200">
                <td className="py-2">
                  <Link href={`/admin/petitions/${petition.id}`} className="font-medium text-vigil underline">
                    {petition.title}
                  </Link>
                  <span className="block text-xs text-stone-600">{petition.caseTitle}</span>
                </td>
                <td>
                  <Badge>{t(`status.${petition.status}`)}</Badge>
                </td>
                <td className="text-right tabular-nums">{petition.confirmed}</td>
                <td className="text-right tabular-nums">{petition.pending}</td>
                <td className="text-right tabular-nums">{petition.goal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t('create')}</h2>
        {cases.length === 0 ? (
          <p>{t('noCases')}</p>
        ) : (
          <ConsoleForm
            schema="createPetition"
            action={createPetitionAction}
            idPrefix="create"
            submit={t('create')}
            defaults={{ caseId: cases[0]!.id, goal: '1000' }}
            fields={[
              {
                name: 'caseId',
                label: t('fields.case'),
                type: 'select',
                options: cases.map((item) => ({ value: item.id, label: item.isPublic ? item.title : t('fields.caseNotYetPublic', { title: item.title }) })),
                help: cases.some((item) => !item.isPublic) ? t('fields.caseHelp') : undefined,
              },
              { name: 'slug', label: t('fields.slug') },
              { name: 'title', label: t('fields.title') },
              { name: 'target', label: t('fields.target') },
              { name: 'goal', label: t('fields.goal'), type: 'number' },
              { name: 'body', label: t('fields.body'), type: 'textarea' },
              { name: 'opensAt', label: t('fields.opensAt'), type: 'datetime-local' },
              { name: 'closesAt', label: t('fields.closesAt'), type: 'datetime-local' },
            ]}
          />
        )}
      </section>

      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <ConsoleForm
          schema="sitePause"
          action={setSitePauseAction}
          idPrefix="pause"
          submit={t('sitePauseSave')}
          tone="secondary"
          defaults={{ signingPaused: sitePaused }}
          fields={[{ name: 'signingPaused', label: t('sitePause'), help: t('sitePauseHelp'), type: 'checkbox' }]}
        />
      </section>
    </div>
  );
}

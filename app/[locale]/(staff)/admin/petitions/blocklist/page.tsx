import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleForm } from '@/components/petitions/console/ConsoleForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { toPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';
import { listBlocklist } from '@/lib/petitions/list-blocklist';
import { addBlocklistEntryAction, removeBlocklistEntryAction } from '../actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'petitionConsole' }))('blocklistTitle') };
}

export default async function BlocklistPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, listBlocklist, {});
  if (page.forbidden) return <Forbidden />;
  const t = await getTranslations('petitionConsole');
  return (
    <div className="space-y-6">
      <Link href="/admin/petitions" className="text-sm text-vigil underline">
        ← {t('backToList')}
      </Link>
      <h1 className="text-2xl font-bold">{t('blocklistTitle')}</h1>
      <p className="text-stone-700">{t('blocklistIntro')}</p>
      {page.data.length === 0 ? (
        <p>{t('emptyList')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="blocklist">
          {page.data.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <span>
                <span className="font-mono">{entry.value}</span> <span className="text-xs text-stone-600">({t(`kindLabel.${entry.kind}`)})</span>
                {entry.note ? <span className="block text-sm text-stone-600">{entry.note}</span> : null}
              </span>
              <ConsoleForm
                schema="removeBlocklistEntry"
                action={removeBlocklistEntryAction}
                idPrefix={`remove-${entry.id}`}
                submit={t('remove')}
                tone="danger"
                defaults={{ entryId: entry.id }}
                fields={[{ name: 'entryId', label: '', type: 'hidden' }]}
              />
            </li>
          ))}
        </ul>
      )}
      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <ConsoleForm
          schema="addBlocklistEntry"
          action={addBlocklistEntryAction}
          idPrefix="block"
          submit={t('add')}
          defaults={{ kind: 'email_domain' }}
          fields={[
            { name: 'kind', label: t('kind'), type: 'select', options: [{ value: 'email_domain', label: t('kindEmailDomain') }, { value: 'ip_range', label: t('kindIpRange') }, { value: 'ip_hash', label: t('kindIpHash') }] },
            { name: 'value', label: t('value') },
            { name: 'note', label: t('note') },
          ]}
        />
      </section>
    </div>
  );
}

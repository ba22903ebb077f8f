import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CaseForm } from '@/components/advocacy/CaseForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { can } from '@/lib/auth/permissions';
import { loadStaffPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';
import { createCaseAction } from '../actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'advocacy.meta' }))('newCase') };
}

export default async function NewCasePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The form posts to createCase, which authorizes again: this only decides whether to show it.
  const page = await loadStaffPage(locale, async (session) => can(session, 'cases.create'));
  if (page.forbidden || !page.data) return <Forbidden />;
  const t = await getTranslations('advocacy');
  return (
    <div className="space-y-6">
      <Link href="/admin/cases" className="text-sm text-vigil underline">
        ← {t('list.title')}
      </Link>
      <h1 className="text-2xl font-bold">{t('list.newCase')}</h1>
      <div className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <CaseForm action={createCaseAction} />
      </div>
    </div>
  );
}

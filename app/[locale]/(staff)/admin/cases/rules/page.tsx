import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CaseRulesForm } from '@/components/advocacy/CaseRulesForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { toPage } from '@/lib/operations/adapters';
import { getCaseRules } from '@/lib/cases/get-case-rules';
import { updateCaseRulesAction } from '../actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'advocacy.meta' }))('rules') };
}

export default async function CaseRulesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, getCaseRules, {});
  if (page.forbidden) return <Forbidden />;
  const t = await getTranslations('advocacy.rules');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <div className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <CaseRulesForm action={updateCaseRulesAction} rules={page.data} />
      </div>
    </div>
  );
}

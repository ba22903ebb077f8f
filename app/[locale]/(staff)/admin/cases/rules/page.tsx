import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CaseRulesForm } from '@/components/advocacy/CaseRulesForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { Notice } from '@/components/ui/Notice';
import { toPage } from '@/lib/operations/adapters';
import type { CaseRules } from '@/lib/cases/case-rules';
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
  const { rules, proposal } = page.data;
  const summary = (proposed: CaseRules) =>
    t('summary', {
      secondApproval: proposed.requireSecondApproval ? 'on' : 'off',
      urgent: proposed.allowUrgentCorrections ? 'on' : 'off',
      days: proposed.reviewAfterDays,
    });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {proposal ? (
        <div data-testid="case-rules-proposal">
          <Notice tone="warning">
            {proposal.proposedByMe
              ? t('proposalMine', { rules: summary(proposal.rules) })
              : t('proposal', { email: proposal.proposedBy ?? '—', rules: summary(proposal.rules) })}
          </Notice>
        </div>
      ) : null}
      <div className="rounded border border-stone-200 bg-white p-6 shadow-sm">
        <CaseRulesForm action={updateCaseRulesAction} rules={rules} />
      </div>
    </div>
  );
}

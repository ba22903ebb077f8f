import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { CaseFileAccess } from '@/lib/petitions/petition-publication';

/**
 * Where a publication request about a petition is approved: the case file's Publication section. A link
 * for staff who may open the case file (to approve, or only to look), else who approves it and where.
 */
export function CaseFileApproval({ caseId, access }: { caseId: string; access: CaseFileAccess }) {
  const t = useTranslations('petitionConsole.delivery');
  return access ? (
    <Link href={`/admin/cases/${caseId}#publication`} className="text-vigil underline">
      {t(access === 'approve' ? 'approveInCaseFile' : 'openCaseFile')}
    </Link>
  ) : (
    <span className="block text-stone-700">{t('approvedInCaseFile')}</span>
  );
}

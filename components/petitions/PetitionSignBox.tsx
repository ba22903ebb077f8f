import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/Notice';
import { Link } from '@/lib/i18n/navigation';
import type { PublicPetition } from '@/lib/petitions/public';
import { PetitionProgress } from './PetitionProgress';
import { SignPetitionForm } from './SignPetitionForm';

/**
 * A petition's count, progress bar and sign form, or why it takes no signatures. On the case page
 * (compact, with a link to the full text), the petition page and the embed widget.
 */
export function PetitionSignBox({
  petition,
  compact = false,
  idPrefix,
  framed = false,
}: {
  petition: PublicPetition;
  compact?: boolean;
  idPrefix?: string;
  /** Inside a partner's iframe: the link to the full petition opens a new tab. */
  framed?: boolean;
}) {
  const t = useTranslations('petition');
  return (
    <section id={idPrefix ?? 'sign'} aria-labelledby={`${idPrefix ?? 'sign'}-heading`} className="scroll-mt-4 space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm" data-testid="petition-sign-box">
      <div>
        <h2 id={`${idPrefix ?? 'sign'}-heading`} className="text-xl font-semibold">
          {compact ? t('signBoxTitle') : t('signTitle')}
        </h2>
        {compact ? (
          <p className="mt-1 font-medium">
            <Link href={`/petitions/${petition.slug}`} className="text-vigil underline" {...(framed ? { target: '_blank', rel: 'noopener' } : {})}>
              {petition.title}
            </Link>
          </p>
        ) : null}
        <p className="text-sm text-stone-700">{t('addressedTo', { target: petition.target })}</p>
      </div>
      <PetitionProgress slug={petition.slug} goal={petition.goal} milestones={petition.milestones} />
      {petition.refusal ? (
        <Notice tone="warning">{t(`refusal.${petition.refusal}`)}</Notice>
      ) : (
        <SignPetitionForm slug={petition.slug} idPrefix={idPrefix} framed={framed} />
      )}
      <p className="text-xs text-stone-600">{t('privacyNote')}</p>
    </section>
  );
}

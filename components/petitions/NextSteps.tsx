import { useTranslations } from 'next-intl';
import { SharePanel } from '@/components/share/SharePanel';
import { Link } from '@/lib/i18n/navigation';
import type { NextSteps as NextStepsView } from '@/lib/petitions/next-steps';

/**
 * The thank-you's offers, after signing and after confirming: share the petition, write one's own
 * letter, follow the case, sign another open petition.
 */
export function NextSteps({ steps }: { steps: NextStepsView }) {
  const t = useTranslations('thanks');
  const tPetition = useTranslations('petition');
  const { petition, share, otherPetitions } = steps;
  const card = 'space-y-2 rounded-lg border border-stone-200 bg-white p-5 shadow-sm';
  return (
    <div className="space-y-6" data-testid="next-steps">
      <SharePanel share={share} idPrefix="thanks-share" />
      <section aria-labelledby="own-letter" className={card}>
        <h2 id="own-letter" className="text-lg font-semibold">
          {t('letterTitle')}
        </h2>
        <p className="text-sm text-stone-700">{t('letterBody')}</p>
        <Link href={`/cases/${petition.caseSlug}/letter`} className="inline-block font-medium text-vigil underline">
          {tPetition('writeOwnLetter')}
        </Link>
      </section>
      <section aria-labelledby="follow-case" className={card}>
        <h2 id="follow-case" className="text-lg font-semibold">
          {t('followTitle')}
        </h2>
        <p className="text-sm">
          <Link href={`/cases/${petition.caseSlug}`} className="font-medium text-vigil underline">
            {petition.caseTitle}
          </Link>
        </p>
        <p className="text-sm">
          <a href={`/cases/${petition.caseSlug}/feed.xml`} className="text-vigil underline">
            {t('followFeed')}
          </a>
        </p>
        <p className="text-sm text-stone-700">{t('followMail')}</p>
      </section>
      <section aria-labelledby="other-petitions" className={card}>
        <h2 id="other-petitions" className="text-lg font-semibold">
          {t('otherTitle')}
        </h2>
        {otherPetitions.length === 0 ? (
          <p className="text-sm text-stone-700">{t('otherNone')}</p>
        ) : (
          <ul className="space-y-2" data-testid="other-petitions">
            {otherPetitions.map((other) => (
              <li key={other.slug}>
                <Link href={`/petitions/${other.slug}`} className="font-medium text-vigil underline">
                  {other.title}
                </Link>
                <span className="block text-sm text-stone-600">
                  {other.caseTitle} · {t('otherCount', { confirmed: other.confirmed, goal: other.goal })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

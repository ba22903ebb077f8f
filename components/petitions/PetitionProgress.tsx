'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { COUNT_POLL_MS, type Milestone, milestoneProgress, type PetitionCount } from '@/lib/petitions/public';

/**
 * The confirmed count and a bar toward the goal, fetched from the count API in the browser: the page
 * around it may come from a cache a minute old, the figure never more than a few seconds.
 */
export function PetitionProgress({ slug, goal, milestones = [] }: { slug: string; goal: number; milestones?: Milestone[] }) {
  const t = useTranslations('petition');
  const [count, setCount] = useState<PetitionCount | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const response = await fetch(`/api/petitions/${encodeURIComponent(slug)}/count`, { cache: 'no-store' });
        if (response.ok && !stopped) setCount((await response.json()) as PetitionCount);
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    };
    void load();
    const timer = window.setInterval(load, COUNT_POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
  }, [slug]);

  const target = count?.goal ?? goal;
  // A first few signatures of a large goal still show: never less than a sliver once anyone has signed.
  const percent = count ? Math.min(100, Math.max(count.confirmed > 0 ? 2 : 0, (count.confirmed / target) * 100)) : 0;
  const { reached, next } = milestoneProgress(count?.confirmed ?? 0, milestones);
  return (
    <div className="space-y-1">
      <p className="text-lg font-semibold" data-testid="petition-count" aria-live="polite">
        {count ? t('signatures', { confirmed: count.confirmed }) : t('countUnavailable')}
      </p>
      <div
        role="progressbar"
        aria-label={count ? t('progressLabel', { confirmed: count.confirmed, goal: target }) : t('countUnavailable')}
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={count?.confirmed ?? 0}
        className="h-3 w-full overflow-hidden rounded bg-stone-200"
      >
        <div className="h-full bg-vigil transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-stone-600">{t('goal', { goal: target })}</p>
      {count && milestones.length > 0 ? (
        <div className="space-y-1 pt-1 text-sm" data-testid="petition-milestones">
          {next ? (
            <p>
              <span className="font-medium">{t('nextMilestone', { signatures: next.signatures, missing: next.signatures - count.confirmed })}</span> {next.note}
            </p>
          ) : null}
          {reached.length > 0 ? (
            <details>
              <summary className="cursor-pointer text-stone-700">{t('milestonesReached', { count: reached.length })}</summary>
              <ul className="mt-1 space-y-1">
                {reached.map((milestone) => (
                  <li key={milestone.signatures}>
                    ✓ <span className="font-medium">{t('milestone', { signatures: milestone.signatures })}</span> {milestone.note}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

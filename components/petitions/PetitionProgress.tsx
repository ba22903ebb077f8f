'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { COUNT_POLL_MS, type PetitionCount } from '@/lib/petitions/public';

/**
 * The confirmed count and a bar toward the goal, fetched from the count API in the browser: the page
 * around it may come from a cache a minute old, the figure never more than a few seconds.
 */
export function PetitionProgress({ slug, goal }: { slug: string; goal: number }) {
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
  const percent = count ? Math.min(100, Math.round((count.confirmed / target) * 100)) : 0;
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
    </div>
  );
}

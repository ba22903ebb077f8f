'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Re-renders the staff page every few seconds while it is visible, so the figures stay live. */
export function LiveRefresh({ seconds = 10 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => window.clearInterval(timer);
  }, [router, seconds]);
  return null;
}

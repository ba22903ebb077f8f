'use client';

import { useTranslations } from 'next-intl';

/**
 * In place of a field the reader may not see (a legal name, internal notes): its label and "restricted".
 * The form sends nothing for it, and the save keeps what is stored.
 */
export function Withheld({ label }: { label: string }) {
  const t = useTranslations('advocacy');
  return (
    <div className="space-y-1" data-testid="withheld">
      <p className="block text-sm font-medium">{label}</p>
      <p className="rounded border border-dashed border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-600">{t('restricted')}</p>
    </div>
  );
}

'use server';

import { knownLocale } from '@/lib/i18n/locales';
import { redirect } from '@/lib/i18n/navigation';
import { withdrawSignature } from '@/lib/petitions/withdraw-signature';

/** The Withdraw button: withdraws, then shows the page saying what was erased (in the page's language). */
export async function withdrawSignatureAction(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  const locale = knownLocale(formData.get('locale'));
  const result = await withdrawSignature(token);
  const done = result.state === 'withdrawn' ? `?done=${encodeURIComponent(result.petition?.slug ?? '')}` : '';
  redirect({ href: `/withdraw/${encodeURIComponent(token)}${done}`, locale });
}

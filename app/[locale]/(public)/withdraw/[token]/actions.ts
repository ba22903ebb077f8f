'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';
import { withdrawSignature } from '@/lib/petitions/withdraw-signature';

export async function withdrawSignatureAction(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  const result = await withdrawSignature(token);
  redirect({ href: `/withdraw/${encodeURIComponent(token)}${result.state === 'withdrawn' ? '?done=1' : ''}`, locale: await getLocale() });
}

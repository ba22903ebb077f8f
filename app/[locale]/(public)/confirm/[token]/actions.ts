'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';
import { confirmSignature } from '@/lib/petitions/confirm-signature';

/** The Confirm button: confirms, then shows the same page again, now in its confirmed state. */
export async function confirmSignatureAction(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  await confirmSignature(token);
  redirect({ href: `/confirm/${encodeURIComponent(token)}`, locale: await getLocale() });
}

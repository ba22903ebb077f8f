'use server';

import { knownLocale } from '@/lib/i18n/locales';
import { redirect } from '@/lib/i18n/navigation';
import { stopNews } from '@/lib/petitions/stop-news';

/** The "Stop news mails" button: stops them, then shows the same page in its stopped state. */
export async function stopNewsAction(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  const locale = knownLocale(formData.get('locale'));
  await stopNews(token);
  redirect({ href: `/unsubscribe/${encodeURIComponent(token)}`, locale });
}

import 'server-only';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { readSiteSettings, type SiteSettings } from './read-site-settings';

export async function getSiteSettings(session: StaffSession | null): Promise<SiteSettings> {
  await authorize(session, 'settings.read');
  return readSiteSettings(await getDb());
}

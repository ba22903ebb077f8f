/** The site settings row, or the defaults when no admin has saved settings yet. No caller check: internal use. */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { siteSettings } from '@/db/schema';
import type { Transaction } from '@/db/client';

export interface SiteSettings {
  requireTwoFactor: boolean;
}

const DEFAULT_SITE_SETTINGS: SiteSettings = { requireTwoFactor: true };

export async function readSiteSettings(db: Database | Transaction): Promise<SiteSettings> {
  const [row] = await db.select({ requireTwoFactor: siteSettings.requireTwoFactor }).from(siteSettings).where(eq(siteSettings.id, 1));
  return row ?? DEFAULT_SITE_SETTINGS;
}

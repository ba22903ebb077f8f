import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { siteSettings } from '@/db/schema';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { readSiteSettings, type SiteSettings } from './read-site-settings';
import { siteSettingsSchema, type SiteSettingsInput } from './schemas';

export async function updateSiteSettings(session: StaffSession | null, input: SiteSettingsInput): Promise<OperationResult<SiteSettings>> {
  const actor = await authorize(session, 'settings.update');
  const settings = siteSettingsSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await readSiteSettings(tx);
    await tx
      .insert(siteSettings)
      .values({ id: 1, ...settings, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: siteSettings.id, set: { ...settings, updatedByUserId: actor.userId, updatedAt: sql`now()` } });
    await recordAudit(tx, { userId: actor.userId, email: actor.email, ip: actor.ip }, {
      action: 'settings.update',
      entityType: 'site_settings',
      entityId: '1',
      before,
      after: settings,
    });
    return succeeded(settings);
  });
}

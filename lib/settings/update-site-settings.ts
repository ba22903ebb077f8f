import 'server-only';
import { sql } from 'drizzle-orm';
import { siteSettings } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { readSiteSettings, type SiteSettings } from './read-site-settings';
import { siteSettingsSchema } from './schemas';

export const updateSiteSettings = defineOperation({
  name: 'settings.update',
  input: siteSettingsSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, audit, session: actor }, settings) {
    const before = await readSiteSettings(tx);
    await tx
      .insert(siteSettings)
      .values({ id: 1, ...settings, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: siteSettings.id, set: { ...settings, updatedByUserId: actor.userId, updatedAt: sql`now()` } });
    await audit({ action: 'settings.update', entityType: 'site_settings', entityId: '1', before, after: settings });
    return succeeded<SiteSettings>(settings);
  },
});

'use server';

import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import type { SiteSettings } from '@/lib/settings/read-site-settings';
import { siteSettingsSchema } from '@/lib/settings/schemas';
import { updateSiteSettings } from '@/lib/settings/update-site-settings';

const updateHandler = staffAction(siteSettingsSchema, updateSiteSettings);

export async function updateSiteSettingsAction(state: ActionState<SiteSettings>, formData: FormData) {
  return updateHandler(state, formData);
}

'use server';

import { toAction } from '@/lib/operations/adapters';
import { updateSiteSettings } from '@/lib/settings/update-site-settings';

export const updateSiteSettingsAction = toAction(updateSiteSettings);

import 'server-only';
import { z } from 'zod';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { readSiteSettings } from './read-site-settings';

/** The site settings, for the admins' settings page. */
export const getSiteSettings = defineOperation({
  name: 'settings.read',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  run: async ({ db }) => succeeded(await readSiteSettings(db)),
});

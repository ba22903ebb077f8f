import { z } from 'zod';
import { checkboxSchema } from '@/lib/fields/schemas';

export const siteSettingsSchema = z.object({ requireTwoFactor: checkboxSchema });

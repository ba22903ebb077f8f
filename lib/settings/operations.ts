/** The site settings' staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { getSiteSettings } from './get-site-settings';
import { updateSiteSettings } from './update-site-settings';

export const settingsOperations: readonly DefinedOperation[] = [getSiteSettings, updateSiteSettings];

'use server';

import { toAction } from '@/lib/operations/adapters';
import { createTarget } from '@/lib/targets/create-target';
import { importTargets } from '@/lib/targets/import-targets';
import { updateTarget } from '@/lib/targets/update-target';

export const createTargetAction = toAction(createTarget);
export const updateTargetAction = toAction(updateTarget);
export const importTargetsAction = toAction(importTargets);

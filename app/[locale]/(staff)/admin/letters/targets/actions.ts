'use server';

import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import { createTarget } from '@/lib/targets/create-target';
import { type ImportSummary, importTargets } from '@/lib/targets/import-targets';
import { createTargetSchema, importTargetsSchema, updateTargetSchema } from '@/lib/targets/schemas';
import { updateTarget } from '@/lib/targets/update-target';

const createHandler = staffAction(createTargetSchema, createTarget);
const updateHandler = staffAction(updateTargetSchema, updateTarget);
const importHandler = staffAction(importTargetsSchema, importTargets);

export async function createTargetAction(state: ActionState<{ targetId: string }>, formData: FormData) {
  return createHandler(state, formData);
}

export async function updateTargetAction(state: ActionState<{ targetId: string }>, formData: FormData) {
  return updateHandler(state, formData);
}

export async function importTargetsAction(state: ActionState<ImportSummary>, formData: FormData) {
  return importHandler(state, formData);
}

'use server';

import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import { createTemplate } from '@/lib/letters/create-template';
import { createTemplateSchema, updateTemplateSchema } from '@/lib/letters/schemas';
import { updateTemplate } from '@/lib/letters/update-template';

const createHandler = staffAction(createTemplateSchema, createTemplate);
const updateHandler = staffAction(updateTemplateSchema, updateTemplate);

export async function createTemplateAction(state: ActionState<{ templateId: string }>, formData: FormData) {
  return createHandler(state, formData);
}

export async function updateTemplateAction(state: ActionState<{ templateId: string }>, formData: FormData): Promise<ActionState<{ templateId: string }>> {
  // The handler never reads the previous state's value; the new version shows in the list.
  return updateHandler({ ...state, value: undefined }, formData);
}

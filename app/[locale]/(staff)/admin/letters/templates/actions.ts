'use server';

import { createTemplate } from '@/lib/letters/create-template';
import { updateTemplate } from '@/lib/letters/update-template';
import { toAction } from '@/lib/operations/adapters';

export const createTemplateAction = toAction(createTemplate);
export const updateTemplateAction = toAction(updateTemplate);

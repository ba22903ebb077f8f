import 'server-only';
import { z } from 'zod';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { readCaseRules } from './case-rules';

export const getCaseRules = defineOperation({
  name: 'settings.readCaseRules',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  run: async ({ db }) => succeeded(await readCaseRules(db)),
});

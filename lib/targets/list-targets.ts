import 'server-only';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { letterTargets } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import type { TargetRecord } from './target-record';
import { targetColumns } from './target-queries';

/** The whole directory, by host country and kind. */
export const listTargets = defineOperation({
  name: 'targets.list',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db }) {
    const targets: TargetRecord[] = await db
      .select(targetColumns)
      .from(letterTargets)
      .orderBy(asc(letterTargets.hostCountry), asc(letterTargets.kind), asc(letterTargets.nameEn));
    return succeeded(targets);
  },
});

import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { letterTargets } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { updateTargetSchema } from './schemas';
import { targetColumns } from './target-queries';
import { revalidatePublicTargets } from './public-cache';

export const updateTarget = defineOperation({
  name: 'targets.update',
  input: updateTargetSchema,
  writes: true,
  // Verified embassies and their addresses are on every supporter's letter page.
  changesPublicView: true,
  async run({ tx, audit }, { targetId, ...fields }) {
    const [before] = await tx.select(targetColumns).from(letterTargets).where(eq(letterTargets.id, targetId)).for('update');
    if (!before) return fieldError('targetId', 'recordInvalid');
    const [taken] = await tx
      .select({ id: letterTargets.id })
      .from(letterTargets)
      .where(and(eq(letterTargets.key, fields.key), ne(letterTargets.id, targetId)))
      .limit(1);
    if (taken) return fieldError('key', 'keyTaken');
    await tx.update(letterTargets).set({ ...fields, updatedAt: sql`now()` }).where(eq(letterTargets.id, targetId));
    await audit({ entityType: 'letter_target', entityId: targetId, before, after: fields });
    return succeeded({ targetId });
  },
  afterCommit: revalidatePublicTargets,
});

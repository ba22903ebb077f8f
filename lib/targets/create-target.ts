import 'server-only';
import { eq } from 'drizzle-orm';
import { letterTargets } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { createTargetSchema } from './schemas';
import { revalidatePublicTargets } from './public-cache';

export const createTarget = defineOperation({
  name: 'targets.create',
  input: createTargetSchema,
  writes: true,
  // Verified embassies and their addresses are on every supporter's letter page.
  changesPublicView: true,
  async run({ tx, audit }, fields) {
    const [taken] = await tx.select({ id: letterTargets.id }).from(letterTargets).where(eq(letterTargets.key, fields.key)).limit(1);
    if (taken) return fieldError('key', 'keyTaken');
    const [row] = await tx.insert(letterTargets).values(fields).returning({ id: letterTargets.id });
    const targetId = row!.id;
    await audit({ entityType: 'letter_target', entityId: targetId, after: fields });
    return succeeded({ targetId });
  },
  afterCommit: revalidatePublicTargets,
});

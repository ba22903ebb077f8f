import 'server-only';
import { eq } from 'drizzle-orm';
import { sources } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, type OperationResult, succeeded } from '@/lib/operations/result';
import type { StaffSource } from './list-sources';
import { sourceIdSchema } from './schemas';

/** One source with all its confidential details, for staff with internal access only. */
export const getSourceDetails = defineOperation({
  name: 'sources.readConfidential',
  input: sourceIdSchema,
  writes: false,
  changesPublicView: false,
  async run({ db }, { sourceId }): Promise<OperationResult<StaffSource>> {
    const [row] = await db
      .select({
        id: sources.id,
        kind: sources.kind,
        publicAttribution: sources.publicAttribution,
        mayBeNamed: sources.mayBeNamed,
        name: sources.name,
        url: sources.url,
        origin: sources.origin,
        internalNotes: sources.internalNotes,
      })
      .from(sources)
      .where(eq(sources.id, sourceId));
    return row ? succeeded({ ...row, confidentialHidden: false }) : missingRecord('sourceId');
  },
});

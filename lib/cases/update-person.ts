import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { casePeople } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordChange } from './case-records';
import { internalAccessOf } from './internal-access';
import { updatePersonSchema } from './schemas';

/** Edits a person. A legal name or notes the saver may not see are kept as stored, never blanked by the form. */
export const updatePerson = defineOperation({
  name: 'people.update',
  input: updatePersonSchema,
  writes: true,
  // The working copy only: the public sees it once a publication carrying it is approved.
  changesPublicView: false,
  async run({ tx, actor, session }, { personId, caseId, legalName, internalNotes, ...fields }): Promise<OperationResult<{ personId: string }>> {
    const access = internalAccessOf(session);
    const [row] = await tx
      .update(casePeople)
      .set({
        ...fields,
        ...(access.legalNames ? { legalName } : {}),
        ...(access.internalNotes ? { internalNotes } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(casePeople.id, personId), eq(casePeople.caseId, caseId)))
      .returning({ id: casePeople.id });
    if (!row) return fieldError('personId', 'recordInvalid');
    await recordChange(tx, actor, { kind: 'person', id: personId, caseId, changeKind: 'updated', action: 'people.update' });
    return succeeded({ personId });
  },
});

import 'server-only';
import { sources } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { recordChange } from './case-records';
import { createSourceSchema } from './schemas';

export const createSource = defineOperation({
  name: 'sources.create',
  input: createSourceSchema,
  writes: true,
  // A new source is cited by no event yet: the public sees it only once an event cites it.
  changesPublicView: false,
  async run({ tx, actor }, fields) {
    const [row] = await tx.insert(sources).values(fields).returning({ id: sources.id });
    await recordChange(tx, actor, { kind: 'source', id: row!.id, caseId: null, changeKind: 'created', action: 'sources.create' });
    return succeeded({ sourceId: row!.id });
  },
});

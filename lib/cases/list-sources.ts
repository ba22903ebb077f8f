import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sources } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import type { SourceKind } from './vocabulary';

/** A source as the console shows it: confidential details only for staff who may read them (else null). */
export interface StaffSource {
  id: string;
  kind: SourceKind;
  publicAttribution: string;
  mayBeNamed: boolean;
  name: string | null;
  url: string | null;
  origin: string | null;
  internalNotes: string | null;
  confidentialHidden: boolean;
}

/** Every source, for citing from an event. Named sources' names and links are public anyway. */
export const listSources = defineOperation({
  name: 'sources.list',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db, session }): Promise<OperationResult<StaffSource[]>> {
    const confidential = can(session, 'sources.readConfidential');
    // Without internal access the confidential columns are not even selected.
    const hidden = sql<null>`null`;
    const rows = await db
      .select({
        id: sources.id,
        kind: sources.kind,
        publicAttribution: sources.publicAttribution,
        mayBeNamed: sources.mayBeNamed,
        name: confidential ? sources.name : sql<string | null>`case when ${sources.mayBeNamed} then ${sources.name} end`,
        url: confidential ? sources.url : sql<string | null>`case when ${sources.mayBeNamed} then ${sources.url} end`,
        origin: confidential ? sources.origin : hidden,
        internalNotes: confidential ? sources.internalNotes : hidden,
      })
      .from(sources)
      .orderBy(asc(sources.publicAttribution), asc(sources.createdAt));
    return succeeded(rows.map((row) => ({ ...row, confidentialHidden: !confidential })));
  },
});

import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sources } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';
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
export async function listSources(session: StaffSession | null): Promise<StaffSource[]> {
  const actor = await authorize(session, 'sources.list');
  const confidential = can(actor, 'sources.readConfidential');
  const db = await getDb();
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
  return rows.map((row) => ({ ...row, confidentialHidden: !confidential }));
}

/**
 * What a staff reader may see of the withheld fields of case records (legal names, internal notes, a
 * confidential source's identity; lib/auth/permissions.ts says who), how reads leave them out of their
 * queries, and how saves by someone who cannot see them keep the stored values.
 */
import 'server-only';
import { type AnyColumn, eq, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { recordVersions, sources, timelineEvents } from '@/db/schema';
import { can, type Grantee } from '@/lib/auth/permissions';
import type { RecordKind } from './case-records';

export interface InternalAccess {
  legalNames: boolean;
  internalNotes: boolean;
  /** The name, link, notes and origin of a source that may not be named (and the notes and origin of any source). */
  confidentialSources: boolean;
}

export function internalAccessOf(reader: Grantee): InternalAccess {
  return {
    legalNames: can(reader, 'people.readLegalName'),
    internalNotes: can(reader, 'cases.readInternalNotes'),
    confidentialSources: can(reader, 'sources.readConfidential'),
  };
}

/** The column when the reader may see it, else SQL null: a withheld value never leaves the database. */
export function unlessWithheld<Column extends AnyColumn>(visible: boolean, column: Column): Column | SQL<null> {
  return visible ? column : sql<null>`null`;
}

/** The keys of a saved version of a record (record_versions.snapshot) that the reader may not see. */
function withheldSnapshotKeys(kind: RecordKind, access: InternalAccess, sourceMayBeNamed: boolean): string[] {
  const notes = access.internalNotes ? [] : ['internalNotes'];
  switch (kind) {
    case 'case':
    case 'event':
      return notes;
    case 'person':
      return [...(access.legalNames ? [] : ['legalName']), ...notes];
    case 'source':
      if (access.confidentialSources) return [];
      return sourceMayBeNamed ? ['internalNotes', 'origin'] : ['name', 'url', 'internalNotes', 'origin'];
  }
}

const textArray = (keys: string[]): SQL<string[]> =>
  keys.length ? sql<string[]>`array[${sql.join(keys.map((key) => sql`${key}::text`), sql`, `)}]::text[]` : sql<string[]>`'{}'::text[]`;

/**
 * The saved versions as the reader may see them, computed by the database: `snapshot` without the
 * withheld keys, and `withheld`, the keys taken out. A source's versions follow what the source is
 * now: once it may not be named, no version names it, even those saved while it could be; a source
 * that no longer exists counts as confidential. A kind of record this does not know is withheld whole.
 */
export function snapshotRedaction(access: InternalAccess): { snapshot: SQL<unknown>; withheld: SQL<string[]> } {
  const mayBeNamedNow = sql`exists (select 1 from ${sources} where ${sources.id} = ${recordVersions.entityId} and ${sources.mayBeNamed})`;
  const branches: { when: SQL; keys: string[] }[] = [
    ...(['case', 'person', 'event'] as const).map((kind) => ({ when: sql`${recordVersions.entityType} = ${kind}`, keys: withheldSnapshotKeys(kind, access, false) })),
    { when: sql`${recordVersions.entityType} = ${'source'} and ${mayBeNamedNow}`, keys: withheldSnapshotKeys('source', access, true) },
    { when: sql`${recordVersions.entityType} = ${'source'}`, keys: withheldSnapshotKeys('source', access, false) },
  ];
  const caseOf = (then: (keys: string[]) => SQL, otherwise: SQL) =>
    sql`(case ${sql.join(branches.map(({ when, keys }) => sql`when ${when} then ${then(keys)}`), sql` `)} else ${otherwise} end)`;
  return {
    snapshot: caseOf((keys) => (keys.length ? sql`${recordVersions.snapshot} - ${textArray(keys)}` : sql`${recordVersions.snapshot}`), sql`'{}'::jsonb`),
    withheld: caseOf((keys) => textArray(keys), sql`array['*']::text[]`) as SQL<string[]>,
  };
}

/**
 * An event saved by someone who may not read its internal notes keeps the stored ones: the form had
 * none to send back, and an empty field must not erase them.
 */
export async function keepWithheldEventNotes<Fields extends { internalNotes: string }>(tx: Transaction, access: InternalAccess, eventId: string, fields: Fields): Promise<Fields> {
  if (access.internalNotes) return fields;
  const [stored] = await tx.select({ internalNotes: timelineEvents.internalNotes }).from(timelineEvents).where(eq(timelineEvents.id, eventId));
  return { ...fields, internalNotes: stored?.internalNotes ?? '' };
}

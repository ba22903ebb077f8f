import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sources } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { StaffSource } from './list-sources';
import { idSchema } from './schemas';

/** One source with all its confidential details, for staff with internal access only. */
export async function getSourceDetails(session: StaffSession | null, sourceId: string): Promise<StaffSource | null> {
  await authorize(session, 'sources.readConfidential');
  if (!idSchema.safeParse(sourceId).success) return null;
  const db = await getDb();
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
  return row ? { ...row, confidentialHidden: false } : null;
}

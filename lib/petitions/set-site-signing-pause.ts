import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitionSettings } from '@/db/schema';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { afterPetitionWrite } from './petition-writes';
import { sitePauseSchema, type SitePauseInput } from './schemas';

/** The emergency switch: pauses (or resumes) signing on every petition at once, within a second everywhere. */
export async function setSiteSigningPause(session: StaffSession | null, input: SitePauseInput): Promise<OperationResult<{ signingPaused: boolean }>> {
  const actor = await authorize(session, 'petitions.pauseAll');
  const { signingPaused } = sitePauseSchema.parse(input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select({ signingPaused: petitionSettings.signingPaused }).from(petitionSettings).where(eq(petitionSettings.id, 1));
    await tx
      .insert(petitionSettings)
      .values({ id: 1, signingPaused, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: petitionSettings.id, set: { signingPaused, updatedByUserId: actor.userId, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, { action: 'petitions.pauseAll', entityType: 'petition_settings', entityId: '1', before: before ?? { signingPaused: false }, after: { signingPaused } });
    return succeeded({ signingPaused });
  });
  afterPetitionWrite();
  return result;
}

import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { petitionSettings } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { succeeded } from '@/lib/operations/result';
import { afterPetitionWrite } from './petition-writes';
import { sitePauseSchema } from './schemas';

/** The emergency switch: pauses (or resumes) signing on every petition at once, within a second everywhere. */
export const setSiteSigningPause = defineOperation({
  name: 'petitions.pauseAll',
  input: sitePauseSchema,
  writes: true,
  changesPublicView: true,
  async run({ tx, audit, actor }, { signingPaused }) {
    const [before] = await tx.select({ signingPaused: petitionSettings.signingPaused }).from(petitionSettings).where(eq(petitionSettings.id, 1));
    await tx
      .insert(petitionSettings)
      .values({ id: 1, signingPaused, updatedByUserId: actor.userId })
      .onConflictDoUpdate({ target: petitionSettings.id, set: { signingPaused, updatedByUserId: actor.userId, updatedAt: sql`now()` } });
    await audit({ entityType: 'petition_settings', entityId: '1', before: before ?? { signingPaused: false }, after: { signingPaused } });
    return succeeded({ signingPaused });
  },
  afterCommit: afterPetitionWrite,
});

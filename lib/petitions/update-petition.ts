import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { petitions } from '@/db/schema';
import { revalidatePublicCases } from '@/lib/cases/public-cache';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, succeeded } from '@/lib/operations/result';
import { askToPublishPetitionText, type PetitionPublication, petitionTextIsPublished } from './petition-publication';
import { afterPetitionWrite } from './petition-writes';
import { updatePetitionSchema } from './schemas';

/**
 * Edits a petition and opens, pauses or drafts it. Closed and delivered petitions stay as they are. Its
 * text reaches the public only through the publication gate: opening the petition, or editing an opened
 * one's text, asks for a second staff member's review (lib/petitions/petition-publication.ts).
 */
export const updatePetition = defineOperation({
  name: 'petitions.update',
  input: updatePetitionSchema,
  writes: true,
  // Status, dates and goal at once; the text only when the case rules (set by two admins) let one person publish.
  changesPublicView: true,
  async run({ tx, audit, actor }, { petitionId, ...data }) {
    if (data.opensAt && data.closesAt && data.closesAt <= data.opensAt) return fieldError('closesAt', 'closesBeforeOpens');
    const [before] = await tx.select().from(petitions).where(eq(petitions.id, petitionId)).for('update');
    if (!before) return fieldError('petitionId', 'petitionUnknown');
    if (before.status === 'closed' || before.status === 'delivered') return fieldError('status', 'petitionFinished');
    // Once public, its address is fixed (shared links, the QR code on posters) and it cannot silently vanish:
    // hiding its text again is a takedown of the case, through the gate.
    if (await petitionTextIsPublished(tx, petitionId)) {
      if (data.slug !== before.slug) return fieldError('slug', 'slugFixedOncePublic');
      if (data.status === 'draft') return fieldError('status', 'petitionAlreadyPublic');
    }
    const [taken] = await tx.select({ id: petitions.id }).from(petitions).where(and(eq(petitions.slug, data.slug), ne(petitions.id, petitionId)));
    if (taken) return fieldError('slug', 'slugTaken');
    const [after] = await tx.update(petitions).set({ ...data, updatedAt: sql`now()` }).where(eq(petitions.id, petitionId)).returning();
    await audit({ entityType: 'petition', entityId: petitionId, before, after });
    const textChanged = (['slug', 'title', 'body', 'target'] as const).some((field) => before[field] !== after![field]);
    const opened = before.status === 'draft' && after!.status !== 'draft';
    let outcome: { publication: PetitionPublication; publicationRefusal: string | null } = { publication: null, publicationRefusal: null };
    if (after!.status !== 'draft' && (opened || textChanged)) outcome = await askToPublishPetitionText(tx, actor, after!.caseId);
    return succeeded({ petitionId, ...outcome });
  },
  afterCommit: ({ publication }) => {
    afterPetitionWrite();
    if (publication === 'published') revalidatePublicCases();
  },
});

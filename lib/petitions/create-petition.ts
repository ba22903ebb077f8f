import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { afterPetitionWrite } from './petition-writes';
import { createPetitionSchema, type CreatePetitionInput } from './schemas';

/** A new petition for a public-campaign case, as a draft: nobody can sign until an organizer opens it. */
export async function createPetition(session: StaffSession | null, input: CreatePetitionInput): Promise<OperationResult<{ petitionId: string }>> {
  const actor = await authorize(session, 'petitions.create');
  const data = createPetitionSchema.parse(input);
  if (data.opensAt && data.closesAt && data.closesAt <= data.opensAt) return fieldError('closesAt', 'closesBeforeOpens');
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    // Shared lock: the case cannot leave its public campaign until this petition is committed.
    const [owner] = await tx.select({ publicityMode: cases.publicityMode }).from(cases).where(eq(cases.id, data.caseId)).for('share');
    if (!owner) return fieldError('caseId', 'caseUnknown');
    // A petition on a quiet-advocacy or internal case would never be public (petitionIsPublic): refuse it
    // here, whatever form or script posted it. A public campaign not published yet is fine: it waits.
    if (owner.publicityMode !== 'public_campaign') return fieldError('caseId', 'caseNotPublicCampaign');
    const [taken] = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.slug, data.slug));
    if (taken) return fieldError('slug', 'slugTaken');
    const [created] = await tx.insert(petitions).values({ ...data, status: 'draft' }).returning();
    await recordAudit(tx, actor, { action: 'petitions.create', entityType: 'petition', entityId: created!.id, after: created });
    return succeeded({ petitionId: created!.id });
  });
  if (result.ok) afterPetitionWrite();
  return result;
}

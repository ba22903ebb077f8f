/**
 * The confirmed signatures as CSV, for delivery: each signer as they chose to appear (anonymous, or
 * first name and country), with the date they confirmed. E-mail addresses, full names and address
 * hashes are never exported. The export itself is recorded in the audit log.
 */
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { petitions, petitionSignatures } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { signatureIsCounted } from './confirmed-count';
import { toPublicSigner } from './public';

/** A CSV cell; a leading =, +, - or @ is neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function exportSignatures(session: StaffSession | null, petitionId: string): Promise<{ filename: string; csv: string } | null> {
  const actor = await authorize(session, 'signatures.export');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [petition] = await tx.select({ slug: petitions.slug }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) return null;
    const rows = await tx
      .select({ name: petitionSignatures.name, country: petitionSignatures.country, display: petitionSignatures.display, confirmedAt: petitionSignatures.confirmedAt })
      .from(petitionSignatures)
      .where(and(eq(petitionSignatures.petitionId, petitionId), signatureIsCounted))
      .orderBy(asc(petitionSignatures.confirmedAt));
    const lines = ['confirmed_on,name,country'];
    for (const row of rows) {
      const shown = toPublicSigner(row);
      lines.push([row.confirmedAt!.toISOString().slice(0, 10), shown ? shown.firstName : 'Anonymous', row.country].map(csvCell).join(','));
    }
    await recordAudit(tx, actor, { action: 'signatures.export', entityType: 'petition', entityId: petitionId, after: { rows: rows.length } });
    return { filename: `${petition.slug}-signatures.csv`, csv: `${lines.join('\n')}\n` };
  });
}

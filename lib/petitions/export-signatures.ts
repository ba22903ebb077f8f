/**
 * The confirmed signatures as CSV, for delivery: each signer as they chose to appear (anonymous, or
 * first name and country), with the date they confirmed. E-mail addresses, full names and address
 * hashes are never exported. The export itself is recorded in the audit log.
 */
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { petitions, petitionSignatures } from '@/db/schema';
import type { StaffFile } from '@/lib/http/staff-download';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, succeeded } from '@/lib/operations/result';
import { signatureIsCounted } from './confirmed-count';
import { toPublicSigner } from './public';
import { petitionIdSchema } from './schemas';

/** A CSV cell; a leading =, +, - or @ is neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A write: the export itself is an audit row, in the same transaction as the rows it read. */
export const exportSignatures = defineOperation({
  name: 'signatures.export',
  input: petitionIdSchema,
  writes: true,
  changesPublicView: false,
  async run({ tx, audit }, { petitionId }) {
    const [petition] = await tx.select({ slug: petitions.slug }).from(petitions).where(eq(petitions.id, petitionId));
    if (!petition) return missingRecord('petitionId');
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
    await audit({ entityType: 'petition', entityId: petitionId, after: { rows: rows.length } });
    return succeeded<StaffFile>({ fileName: `${petition.slug}-signatures.csv`, contentType: 'text/csv; charset=utf-8', body: `${lines.join('\n')}\n` });
  },
});

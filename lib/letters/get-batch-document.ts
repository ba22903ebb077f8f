/** A stored batch as a file: the PDF of its letters, a DOCX for editing, or address labels. */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { recordIdSchema } from '@/lib/fields/schemas';
import { letterBatches, letters } from '@/db/schema';
import type { StaffFile } from '@/lib/http/staff-download';
import { defineOperation } from '@/lib/operations/define-operation';
import { missingRecord, succeeded } from '@/lib/operations/result';
import { printableLetter, type TargetSnapshot } from './printable-letter';
import { renderAddressLabels } from './render-address-labels';
import { renderLettersDocx } from './render-letters-docx';
import { renderLettersPdf } from './render-letters-pdf';

const BATCH_FORMATS = ['pdf', 'docx', 'labels'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export const getBatchDocument = defineOperation({
  name: 'letters.download',
  input: z.object({ batchId: recordIdSchema(), format: z.enum(BATCH_FORMATS).default('pdf') }),
  writes: false,
  changesPublicView: false,
  async run({ db }, { batchId, format }) {
    const file = await renderBatch(db, batchId, format);
    return file ? succeeded(file) : missingRecord('batchId');
  },
});

async function renderBatch(db: Database, batchId: string, format: BatchFormat): Promise<(StaffFile & { body: Buffer }) | null> {
  const [batch] = await db.select().from(letterBatches).where(eq(letterBatches.id, batchId)).limit(1);
  if (!batch) return null;
  const rows = await db
    .select({ language: letters.language, renderedText: letters.renderedText, targetSnapshot: letters.targetSnapshot })
    .from(letters)
    .where(eq(letters.batchId, batchId))
    .orderBy(asc(letters.position));
  const createdOn = batch.createdAt.toISOString().slice(0, 10);
  const printable = rows.map((row) =>
    printableLetter({ ...row, targetSnapshot: row.targetSnapshot as TargetSnapshot }, { senderName: batch.senderName, senderOrganisation: batch.senderOrganisation, createdOn }),
  );
  const stem = `letters-${createdOn}-${batchId.slice(0, 8)}`;
  if (format === 'docx') {
    return { fileName: `${stem}.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: await renderLettersDocx(printable, batch.paper) };
  }
  if (format === 'labels') return { fileName: `${stem}-labels.pdf`, contentType: 'application/pdf', body: await renderAddressLabels(printable, batch.paper) };
  return { fileName: `${stem}.pdf`, contentType: 'application/pdf', body: (await renderLettersPdf(printable, batch.paper, stem)).pdf };
}

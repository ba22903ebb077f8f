/**
 * A supporter's own letter as a PDF, from the text they edited, addressed to China's embassy in their
 * country. Nothing about them is kept: not the name, the text or the address; only the case's count
 * of supporter letters goes up by one. Public: no session.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { supporterLetterCounts } from '@/db/schema';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import { loadCaseMergeContext } from './case-merge-context';
import { chinaEmbassies } from './get-supporter-letter-kit';
import { renderLettersPdf } from './render-letters-pdf';
import { type SupporterLetterInput, supporterLetterSchema } from './schemas';
import { addressNameFor, letterDate } from './template-language';

async function countSupporterLetter(caseId: string): Promise<void> {
  const db = await getDb();
  await db
    .insert(supporterLetterCounts)
    .values({ caseId, letterCount: 1 })
    .onConflictDoUpdate({ target: supporterLetterCounts.caseId, set: { letterCount: sql`${supporterLetterCounts.letterCount} + 1`, updatedAt: sql`now()` } });
}

export async function makeSupporterLetter(input: SupporterLetterInput, format: 'pdf' | 'mail'): Promise<OperationResult<{ pdf: Buffer | null }>> {
  const parsed = supporterLetterSchema.safeParse(input);
  if (!parsed.success) return fieldError(String(parsed.error.issues[0]?.path[0] ?? 'form'), parsed.error.issues[0]?.message ?? 'required');
  const letter = parsed.data;
  const context = await loadCaseMergeContext(letter.caseSlug);
  if (!context) return fieldError('caseSlug', 'caseNotPublic');
  const embassy = (await chinaEmbassies()).find((candidate) => candidate.hostCountry === letter.hostCountry);
  if (!embassy) return fieldError('hostCountry', 'noTargets');
  await countSupporterLetter(context.caseId);
  if (format === 'mail') return succeeded({ pdf: null });
  const { pdf } = await renderLettersPdf(
    [
      {
        language: letter.language,
        senderName: letter.senderName,
        senderOrganisation: '',
        dateLine: letterDate(new Date().toISOString().slice(0, 10), letter.language),
        addressName: addressNameFor(embassy, letter.language),
        addressLines: embassy.addressLines.split('\n'),
        body: letter.body,
      },
    ],
    'a4',
    'Letter',
  );
  return succeeded({ pdf });
}

/** Shared by create and update: the template's case must be one the public can read. */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cases } from '@/db/schema';
import type { Transaction } from '@/db/client';
import { caseIsPublic } from '@/lib/cases/public-queries';

export async function publicCaseId(tx: Transaction, slug: string): Promise<string | null> {
  const [row] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.slug, slug), caseIsPublic)).limit(1);
  return row?.id ?? null;
}

/** Public cases and petitions for integration tests, written straight to the test database. */
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, mailOutbox, petitions } from '@/db/schema';
import { publishCasesAsTheyStand, publishPetitionTextsAsTheyStand } from '@/lib/cases/first-snapshots';

export async function createTestPetition(
  db: Database,
  overrides: Partial<typeof petitions.$inferInsert> = {},
  caseOverrides: Partial<typeof cases.$inferInsert> = {},
): Promise<{ petitionId: string; caseId: string; slug: string }> {
  const suffix = randomUUID().slice(0, 8);
  const [createdCase] = await db
    .insert(cases)
    .values({
      slug: `petition-test-case-${suffix}`,
      title: `A test case ${suffix}`,
      lifecycle: 'published',
      publicityMode: 'public_campaign',
      publishedAt: new Date(),
      ...caseOverrides,
    })
    .returning({ id: cases.id });
  const slug = overrides.slug ?? `test-petition-${suffix}`;
  const [petition] = await db
    .insert(petitions)
    .values({ caseId: createdCase!.id, slug, title: `Free them ${suffix}`, target: 'President Xi Jinping', goal: 1000, status: 'open', ...overrides })
    .returning({ id: petitions.id });
  // Its text goes public with its case (an override may put it on another case, already published).
  await db.transaction(async (tx) => {
    await publishCasesAsTheyStand(tx, undefined, [createdCase!.id]);
    if (overrides.caseId) await publishPetitionTextsAsTheyStand(tx, undefined, [overrides.caseId]);
  });
  return { petitionId: petition!.id, caseId: createdCase!.id, slug };
}

export const signer = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Min-ji Kim',
  email,
  country: 'KR',
  ...extra,
});

/** The confirmation token in the newest mail queued for `to`, or null. */
export async function confirmationTokenFor(db: Database, to: string): Promise<string | null> {
  const [mail] = await db
    .select({ text: mailOutbox.textBody })
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, to))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? null;
}

export async function mailsTo(db: Database, to: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
}

/** A distinct documentation address (RFC 5737) per n, for tests that must not hit the per-address limit. */
export function testAddress(n: number): string {
  return `198.51.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

/**
 * Demo petition for the demo case, with a few clearly fictional confirmed signatures (example.org
 * addresses). Its address is the case's own slug, so the leak test's examples reach it too.
 */
import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { cases, petitionCountShards, petitions, petitionSignatures } from './schema';

export const DEMO_PETITION_SLUG = 'mother-and-son-returned-2017';

const DEMO_SIGNERS = [
  { name: 'Ji-woo Park', country: 'KR', display: 'first_name_country' },
  { name: 'Anna Schmidt', country: 'DE', display: 'first_name_country' },
  { name: 'Demo Signer', country: 'US', display: 'anonymous' },
  { name: '이서연', country: 'KR', display: 'first_name_country' },
  { name: 'Demo Signer', country: 'JP', display: 'anonymous' },
  { name: 'Tom Evans', country: 'GB', display: 'first_name_country' },
  { name: 'Demo Signer', country: 'KR', display: 'anonymous' },
  { name: 'Demo Signer', country: 'CA', display: 'anonymous' },
] as const;

export async function seedDemoPetitions(db: Database, caseSlug: string): Promise<void> {
  const [demoCase] = await db.select({ id: cases.id }).from(cases).where(eq(cases.slug, caseSlug));
  if (!demoCase) return;
  await db.transaction(async (tx) => {
    const [petition] = await tx
      .insert(petitions)
      .values({
        caseId: demoCase.id,
        slug: DEMO_PETITION_SLUG,
        title: 'Do not send them back: let the mother and her son go to South Korea',
        target: 'President Xi Jinping',
        body:
          'A mother and her four-year-old son were caught in northeast China in October 2017 with eight other ' +
          'North Koreans, and handed back to North Korea. Those sent back face interrogation, prison and worse ' +
          'for having tried to leave.\n\nWe ask the Government of the People’s Republic of China to stop forcibly ' +
          'returning North Koreans, to honour its obligations under the 1951 Refugee Convention and the Convention ' +
          'against Torture, and to let families like this one reach South Korea, where they are citizens.',
        goal: 10_000,
        milestones: [
          { signatures: 1_000, note: 'We hand the petition to China’s embassy in Seoul, with the families.' },
          { signatures: 5_000, note: 'We ask the UN Special Rapporteur on North Korea to raise the case with China.' },
          { signatures: 10_000, note: 'We deliver every signature to China’s embassies in Seoul, London and Washington on the same day.' },
        ],
        status: 'open',
        opensAt: new Date('2017-11-01T00:00:00Z'),
      })
      .returning({ id: petitions.id });
    const petitionId = petition!.id;
    await tx.insert(petitionSignatures).values(
      DEMO_SIGNERS.map((signer, index) => ({
        petitionId,
        email: `demo-signer-${index + 1}@example.org`,
        emailNormalised: `demo-signer-${index + 1}@example.org`,
        emailDomain: 'example.org',
        name: signer.name,
        country: signer.country,
        display: signer.display,
        confirmedAt: new Date(Date.UTC(2026, 0, 1 + index)),
        createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
      })),
    );
    await tx.insert(petitionCountShards).values({ petitionId, shard: 0, confirmed: DEMO_SIGNERS.length });
  });
}

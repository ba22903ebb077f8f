/**
 * A petition on the public canary case whose signers' private details are canaries: e-mails, full
 * names, address hashes, organizer notes. Public pages may show a signer only as they chose (the
 * named signer's first name, "Publicname"); nothing else of theirs may ever come back.
 */
import type { Transaction } from '@/db/client';
import { petitionBlocklist, petitionCountShards, petitionEvents, petitionInvalidations, petitions, petitionSignatures } from '@/db/schema';

export const CANARY_SIGNER_FIRST_NAME = 'Publicname';

export async function insertCanaryPetition(tx: Transaction, caseId: string, slug: string, canary: (field: string) => string): Promise<void> {
  const [petition] = await tx
    .insert(petitions)
    .values({ caseId, slug, title: 'Leak test: a petition with private signers', target: 'Leak test target', goal: 100, status: 'open' })
    .returning({ id: petitions.id });
  const petitionId = petition!.id;
  const [invalidation] = await tx
    .insert(petitionInvalidations)
    .values({ petitionId, reason: canary('invalidation.reason'), filter: { domain: canary('invalidation.filter') }, signatureCount: 1 })
    .returning({ id: petitionInvalidations.id });
  const signer = (field: string, extra: Partial<typeof petitionSignatures.$inferInsert>) => ({
    petitionId,
    email: `${canary(`${field}.email`)}@example.org`,
    emailNormalised: `${canary(`${field}.emailNormalised`)}@example.org`,
    emailDomain: `${canary(`${field}.domain`)}.example.org`,
    name: canary(`${field}.name`),
    country: 'KR',
    ipHash: canary(`${field}.ipHash`),
    confirmationTokenHash: canary(`${field}.tokenHash`),
    ...extra,
  });
  await tx.insert(petitionSignatures).values([
    signer('anonymousSigner', { display: 'anonymous', confirmedAt: new Date('2020-03-01T00:00:00Z') }),
    signer('namedSigner', {
      display: 'first_name_country',
      name: `${CANARY_SIGNER_FIRST_NAME} ${canary('namedSigner.surname')}`,
      confirmedAt: new Date('2020-03-02T00:00:00Z'),
    }),
    signer('pendingSigner', { display: 'first_name_country' }),
    signer('invalidatedSigner', { display: 'first_name_country', confirmedAt: new Date('2020-03-03T00:00:00Z'), invalidationId: invalidation!.id }),
  ]);
  await tx.insert(petitionCountShards).values({ petitionId, shard: 0, confirmed: 2 });
  await tx.insert(petitionBlocklist).values([
    { kind: 'email_domain', domain: 'canary-blocked.example', note: canary('blocklist.note') },
    { kind: 'ip_hash', ipHash: canary('blocklist.ipHash'), note: canary('blocklist.ipHashNote') },
  ]);
  // An event running now: its label is for organizers only.
  await tx.insert(petitionEvents).values({
    petitionId,
    label: canary('event.label'),
    startsAt: new Date(Date.now() - 3600_000),
    endsAt: new Date(Date.now() + 365 * 24 * 3600_000),
    expectedCrowd: 1000,
    addressCeiling: 1500,
  });
}

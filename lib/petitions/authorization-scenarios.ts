/** Authorization-matrix scenarios of the petition operations (lib/auth/authorization-matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { eq } from 'drizzle-orm';
import { petitionBlocklist, petitionEvents, petitionInvalidations, petitions, petitionSignatures } from '@/db/schema';
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { createTestPetition } from './test-fixtures';

const openPetition = async () => (await createTestPetition(await getDb())).petitionId;

/** A petition opened in the working copy whose text was never published (no request carries it). */
async function openedNotPublished(): Promise<string> {
  const db = await getDb();
  const { petitionId } = await createTestPetition(db, { status: 'draft' }, { familyConsentStatus: 'granted' });
  await db.update(petitions).set({ status: 'open' }).where(eq(petitions.id, petitionId));
  return petitionId;
}

/** An open petition with one confirmed signature from a domain of its own; returns "petitionId domain". */
async function petitionWithSignature(): Promise<string> {
  const db = await getDb();
  const { petitionId } = await createTestPetition(db);
  const domain = `matrix-${randomUUID().slice(0, 8)}.example`;
  await db.insert(petitionSignatures).values({
    petitionId,
    email: `a@${domain}`,
    emailNormalised: `a@${domain}`,
    emailDomain: domain,
    name: 'Matrix Signer',
    country: 'KR',
    confirmedAt: new Date(),
  });
  return `${petitionId} ${domain}`;
}

/** An open petition with one confirmed signature held past its address's ceiling; returns its id. */
async function petitionWithHeldSignature(): Promise<string> {
  const db = await getDb();
  const { petitionId } = await createTestPetition(db);
  await db.insert(petitionSignatures).values({
    petitionId,
    email: 'held@example.org',
    emailNormalised: 'held@example.org',
    emailDomain: 'example.org',
    name: 'Held Signer',
    country: 'KR',
    ipHash: '0'.repeat(32),
    confirmedAt: new Date(),
    heldAt: new Date(),
  });
  return petitionId;
}

export const scenarios: AuthorizationScenarios = {
  'petitions.list': { input: () => ({}) },
  'petitions.read': { prepare: openPetition, input: (_caller, petitionId) => ({ petitionId }) },
  'petitions.create': {
    prepare: async () => (await createTestPetition(await getDb())).caseId,
    input: (_caller, caseId) => ({ caseId, slug: `matrix-${randomUUID().slice(0, 8)}`, title: 'Free them', target: 'Someone', goal: '100' }),
  },
  // A draft: its address may still change, and opening it asks for its text's review.
  'petitions.update': {
    prepare: async () => (await createTestPetition(await getDb(), { status: 'draft' }, { familyConsentStatus: 'granted' })).petitionId,
    input: (_caller, petitionId) => ({ petitionId, slug: `matrix-${randomUUID().slice(0, 8)}`, title: 'Free them now', target: 'Someone', goal: '200', status: 'open' }),
  },
  'petitions.requestPublication': { prepare: openedNotPublished, input: (_caller, petitionId) => ({ petitionId }) },
  'petitions.close': { prepare: openPetition, input: (_caller, petitionId) => ({ petitionId }) },
  'signatures.release': { prepare: petitionWithHeldSignature, input: (_caller, petitionId) => ({ petitionId, ipHash: '' }) },
  'petitions.readActivity': { prepare: petitionWithHeldSignature, input: (_caller, petitionId) => ({ petitionId }) },
  'petitions.startEvent': {
    prepare: openPetition,
    input: (_caller, petitionId) => ({
      petitionId,
      label: 'Rally outside the Chinese embassy, Seoul',
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      expectedCrowd: '800',
    }),
  },
  'petitions.endEvent': {
    prepare: async () => {
      const petitionId = await openPetition();
      await (await getDb())
        .insert(petitionEvents)
        .values({ petitionId, label: 'Rally', startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), expectedCrowd: 500, addressCeiling: 750 });
      return petitionId;
    },
    input: (_caller, petitionId) => ({ petitionId }),
  },
  'petitions.markDelivered': {
    prepare: openPetition,
    input: (_caller, petitionId) => ({ petitionId, deliveredOn: '2026-11-29', deliveredTo: 'The embassy in Seoul', note: '' }),
  },
  'petitions.pauseAll': { input: () => ({ signingPaused: 'off' }) },
  'signatures.export': { prepare: openPetition, input: (_caller, petitionId) => ({ petitionId }) },
  'petitions.rallyKit': { prepare: openPetition, input: (_caller, petitionId) => ({ petitionId, paper: 'a6', language: 'ko' }) },
  'signatures.invalidate': {
    prepare: petitionWithSignature,
    input: (_caller, prepared) => {
      const [petitionId, domain] = prepared.split(' ') as [string, string];
      return { petitionId, domain, reason: 'A flood from one domain' };
    },
  },
  'signatures.restore': {
    prepare: async () => {
      const { petitionId } = await createTestPetition(await getDb());
      const [row] = await (await getDb())
        .insert(petitionInvalidations)
        .values({ petitionId, reason: 'test', filter: {}, signatureCount: 0 })
        .returning({ id: petitionInvalidations.id });
      return row!.id;
    },
    input: (_caller, invalidationId) => ({ invalidationId }),
  },
  'blocklists.read': { input: () => ({}) },
  'blocklists.add': { input: () => ({ kind: 'email_domain', value: `new-${randomUUID().slice(0, 8)}.example`, note: '' }) },
  'blocklists.remove': {
    prepare: async () => {
      const [entry] = await (await getDb())
        .insert(petitionBlocklist)
        .values({ kind: 'email_domain', domain: `old-${randomUUID().slice(0, 8)}.example` })
        .returning({ id: petitionBlocklist.id });
      return entry!.id;
    },
    input: (_caller, entryId) => ({ entryId }),
  },
};

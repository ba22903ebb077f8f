/** Authorization-matrix scenarios of the petition operations (lib/auth/authorization-matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { petitionBlocklist, petitionInvalidations, petitionSignatures } from '@/db/schema';
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { createPetition } from './create-petition';
import { exportSignatures } from './export-signatures';
import { getPetitionFigures } from './get-petition-figures';
import { invalidateSignatures } from './invalidate-signatures';
import { listBlocklist } from './list-blocklist';
import { listPetitions } from './list-petitions';
import { markPetitionDelivered } from './mark-petition-delivered';
import { restoreSignatures } from './restore-signatures';
import { setSiteSigningPause } from './set-site-signing-pause';
import { createTestPetition } from './test-fixtures';
import { updatePetition } from './update-petition';
import { addBlocklistEntry } from './update-blocklist';

const openPetition = async () => (await createTestPetition(await getDb())).petitionId;

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
  'petitions.list': { run: ({ session }) => listPetitions(session) },
  'petitions.read': { prepare: openPetition, run: ({ session }, petitionId) => getPetitionFigures(session, petitionId) },
  'petitions.create': {
    prepare: async () => (await createTestPetition(await getDb())).caseId,
    run: ({ session }, caseId) =>
      createPetition(session, { caseId, slug: `matrix-${randomUUID().slice(0, 8)}`, title: 'Free them', target: 'Someone', goal: '100' }),
  },
  'petitions.update': {
    prepare: openPetition,
    run: ({ session }, petitionId) =>
      updatePetition(session, { petitionId, slug: `matrix-${randomUUID().slice(0, 8)}`, title: 'Free them now', target: 'Someone', goal: '200', status: 'paused' }),
  },
  'petitions.close': { prepare: openPetition, input: (_caller, petitionId) => ({ petitionId }) },
  'signatures.release': { prepare: petitionWithHeldSignature, input: (_caller, petitionId) => ({ petitionId, ipHash: '' }) },
  'petitions.markDelivered': {
    prepare: openPetition,
    run: ({ session }, petitionId) =>
      markPetitionDelivered(session, { petitionId, deliveredOn: '2026-11-29', deliveredTo: 'The embassy in Seoul', note: '' }),
  },
  'petitions.pauseAll': { run: ({ session }) => setSiteSigningPause(session, { signingPaused: 'off' }) },
  'signatures.export': { prepare: openPetition, run: ({ session }, petitionId) => exportSignatures(session, petitionId) },
  'signatures.invalidate': {
    prepare: petitionWithSignature,
    run: ({ session }, prepared) => {
      const [petitionId, domain] = prepared.split(' ') as [string, string];
      return invalidateSignatures(session, { petitionId, domain, reason: 'A flood from one domain' });
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
    run: ({ session }, invalidationId) => restoreSignatures(session, { invalidationId }),
  },
  'blocklists.read': { run: ({ session }) => listBlocklist(session) },
  'blocklists.update': {
    prepare: async () => {
      await (await getDb()).insert(petitionBlocklist).values({ kind: 'email_domain', domain: `old-${randomUUID().slice(0, 8)}.example` });
      return `new-${randomUUID().slice(0, 8)}.example`;
    },
    run: ({ session }, domain) => addBlocklistEntry(session, { kind: 'email_domain', value: domain, note: '' }),
  },
};

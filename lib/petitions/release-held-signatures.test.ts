import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, petitionSignatures } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { confirmSignature } from './confirm-signature';
import { forgetSigningPetitions } from './find-signing-petition';
import { forgetPetitionCounts, getPetitionCount } from './get-petition-count';
import { getPetitionFigures } from './get-petition-figures';
import { releaseHeldSignatures } from './release-held-signatures';
import { signPetition } from './sign-petition';
import { confirmationTokenFor, createTestPetition, signer } from './test-fixtures';
import { valueOf } from '@/lib/operations/testing';

const origin = 'https://vigil.test';

beforeEach(() => {
  forgetPetitionCounts();
  forgetSigningPetitions();
});

describeEachEngine('releasing held signatures', ({ db }) => {
  it('counts the confirmed held signatures of one address once an organizer releases them, audited, and only once', async () => {
    process.env.VIGIL_SIGNATURES_PER_ADDRESS = '2';
    try {
      const { petitionId, slug } = await createTestPetition(db());
      for (let n = 1; n <= 4; n++) await signPetition(slug, signer(`rally-${n}@example.org`), { ip: '203.0.113.120', origin });
      await signPetition(slug, signer('other-1@example.org'), { ip: '203.0.113.121', origin });
      for (const email of ['rally-1', 'rally-2', 'rally-3', 'other-1']) await confirmSignature((await confirmationTokenFor(db(), `${email}@example.org`))!);
      forgetPetitionCounts();
      expect((await getPetitionCount(slug))?.confirmed).toBe(3);

      const { session: organizer } = await sessionForRole('organizer');
      const figures = await valueOf(getPetitionFigures(organizer, { petitionId }));
      expect(figures.held).toBe(2);
      expect(figures.heldByAddress).toEqual([expect.objectContaining({ count: 2, confirmed: 1 })]);
      const ipHash = figures.heldByAddress[0]!.ipHash;

      expect(await releaseHeldSignatures(organizer, { petitionId, ipHash })).toMatchObject({ ok: true, value: { released: 2, counted: 1 } });
      forgetPetitionCounts();
      expect((await getPetitionCount(slug))?.confirmed).toBe(4);
      expect(await db().select().from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, petitionId), isNotNull(petitionSignatures.heldAt)))).toEqual([]);
      const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'signatures.release'), eq(auditLog.entityId, petitionId)));
      expect(audit?.after).toMatchObject({ released: 2, counted: 1 });

      // Released, the last one counts when its signer confirms; releasing again finds nothing.
      await confirmSignature((await confirmationTokenFor(db(), 'rally-4@example.org'))!);
      forgetPetitionCounts();
      expect((await getPetitionCount(slug))?.confirmed).toBe(5);
      expect(await releaseHeldSignatures(organizer, { petitionId, ipHash })).toMatchObject({ ok: false, fieldErrors: { ipHash: 'nothingHeld' } });
    } finally {
      delete process.env.VIGIL_SIGNATURES_PER_ADDRESS;
    }
  });
});

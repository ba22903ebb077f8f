/**
 * A surge: 200 signers at once, then 200 confirmations at once (some twice, from two tabs), with a
 * recount in the middle. The sharded count must equal the confirmed rows exactly, nothing lost or
 * doubled. On real Postgres this runs on a pool of connections, truly in parallel.
 */
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { mailOutbox, petitionSignatures } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { confirmSignature } from './confirm-signature';
import { forgetPetitionCounts, getPetitionCount } from './get-petition-count';
import { recountPetition } from './recount-signatures';
import { signPetition } from './sign-petition';
import { createTestPetition, signer, testAddress } from './test-fixtures';

const SIGNERS = 200;

describeEachEngine('a surge of signers', ({ db }) => {
  it('stores 200 parallel signatures once each and counts every confirmation exactly once', async () => {
    const { petitionId, slug } = await createTestPetition(db());
    const emails = Array.from({ length: SIGNERS }, (_, i) => `surge-${i}@example.org`);
    // Every tenth signer submits twice at the same moment (a double click).
    const submissions = emails.flatMap((email, i) => (i % 10 === 0 ? [email, email.toUpperCase()] : [email]));
    const answers = await Promise.all(
      submissions.map((email, i) => signPetition(slug, signer(email), { ip: testAddress(i), origin: 'https://vigil.test' })),
    );
    expect(answers.every((answer) => answer.kind === 'accepted')).toBe(true);
    const [stored] = await db().select({ n: count() }).from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    expect(stored!.n).toBe(SIGNERS);

    const mails = await db().select({ text: mailOutbox.textBody }).from(mailOutbox);
    const tokens = mails
      .map((mail) => /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1])
      .filter((token): token is string => Boolean(token));
    expect(tokens.length).toBeGreaterThanOrEqual(SIGNERS);
    // A few confirm twice at once; a recount runs in the middle of it all.
    const confirmations = [...tokens, ...tokens.slice(0, 20)].map((token) => confirmSignature(token));
    const [results, recount] = await Promise.all([Promise.all(confirmations), recountPetition(db(), petitionId)]);
    expect(results.filter((result) => result.state === 'confirmed').length).toBe(tokens.length + 20);
    expect(recount.after).toBeLessThanOrEqual(SIGNERS);

    const [confirmedRows] = await db()
      .select({ n: count() })
      .from(petitionSignatures)
      .where(and(eq(petitionSignatures.petitionId, petitionId), isNotNull(petitionSignatures.confirmedAt)));
    expect(confirmedRows!.n).toBe(SIGNERS);
    forgetPetitionCounts();
    expect(await getPetitionCount(slug)).toEqual({ confirmed: SIGNERS, goal: 1000 });
    // And a recount afterwards finds nothing to correct.
    expect(await recountPetition(db(), petitionId)).toEqual({ petitionId, before: SIGNERS, after: SIGNERS });
  });
});

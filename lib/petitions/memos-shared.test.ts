/**
 * Next gives route handlers (the signing and count APIs) and server actions (the organizer console)
 * their own copies of lib/ modules. An organizer's write must still reach what the APIs remember.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { petitionCountShards } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { createTestPetition } from './test-fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

describeEachEngine('petition memos', ({ db }) => {
  it('a petition closed through one copy of the modules is closed, at once, for another copy', async () => {
    const { session } = await sessionForRole('organizer');
    const { petitionId, slug } = await createTestPetition(db());
    const api = { signing: await import('./find-signing-petition'), count: await import('./get-petition-count') };
    vi.resetModules();
    const organizerConsole = { close: await import('./close-petition'), signing: await import('./find-signing-petition') };
    expect(organizerConsole.signing).not.toBe(api.signing);

    // The clock stands still: only the organizer's write may make the APIs look again.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    expect((await api.signing.findSigningPetition(slug))?.status).toBe('open');
    expect((await api.count.getPetitionCount(slug))?.confirmed).toBe(0);

    await db().insert(petitionCountShards).values({ petitionId, shard: 0, confirmed: 3 });
    expect(await organizerConsole.close.closePetition(session, { petitionId })).toMatchObject({ ok: true });

    expect((await api.signing.findSigningPetition(slug))?.status).toBe('closed');
    expect((await api.count.getPetitionCount(slug))?.confirmed).toBe(3);
  });
});

import { expect, it } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import { currentGeneration, EXPIRY_FRESHNESS_MS, noteLocalExpiry, readExpiries } from './expiry-watch';
import { expireCacheTags } from './shared-cache-handler';

describeEachEngine('the bytes cache learns of every tag expiry from Postgres', () => {
  it('moves the generation when any instance expires a tag, and only then', async () => {
    await readExpiries();
    const before = currentGeneration();
    expect(before).not.toBeNull();
    await readExpiries();
    expect(currentGeneration()).toBe(before);

    // Another instance's expiry reaches this one at its next reading, also when the tag was expired before.
    await expireCacheTags(['watch-test-tag']);
    await readExpiries();
    const afterFirst = currentGeneration();
    expect(afterFirst).not.toBe(before);
    await expireCacheTags(['watch-test-tag']);
    await readExpiries();
    expect(currentGeneration()).not.toBe(afterFirst);

    // This instance's own expiry counts at once, without waiting for a reading.
    const beforeLocal = currentGeneration();
    noteLocalExpiry();
    expect(currentGeneration()).not.toBe(beforeLocal);
  });

  it('turns the bytes cache off when the last reading is too old', async () => {
    await readExpiries();
    expect(currentGeneration(Date.now() + EXPIRY_FRESHNESS_MS + 100)).toBeNull();
  });
});

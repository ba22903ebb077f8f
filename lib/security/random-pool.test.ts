import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random-pool';

describe('pooled random bytes', () => {
  it('hands out slices of the asked size that never repeat, across many refills of the pool', () => {
    const seen = new Set<string>();
    // 20,000 × 32 bytes is over 150 refills of a 4 KiB pool.
    for (let i = 0; i < 20_000; i++) {
      const bytes = pooledRandomBytes(32);
      expect(bytes).toHaveLength(32);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(20_000);
  });

  it('gives sizes that do not divide the pool, and large sizes straight from the source', () => {
    const sizes = [1, 18, 33, 255, 256, 257, 5000];
    for (const size of sizes) expect(pooledRandomBytes(size)).toHaveLength(size);
    expect(() => pooledRandomBytes(0)).toThrow(RangeError);
    expect(() => pooledRandomBytes(1.5)).toThrow(RangeError);
  });

  it('looks random: every byte value appears, none far more often than the others', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4096; i++) for (const byte of pooledRandomBytes(64)) counts[byte]!++;
    // 262,144 bytes: about 1,024 of each value; a copy or a zeroed slice would skew this badly.
    expect(Math.min(...counts)).toBeGreaterThan(850);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('returns copies: changing one does not change the next', () => {
    const first = pooledRandomBytes(16);
    const copy = Buffer.from(first);
    first.fill(0);
    expect(pooledRandomBytes(16).equals(copy)).toBe(false);
  });
});

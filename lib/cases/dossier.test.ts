import { describe, expect, it } from 'vitest';
import { canonicalJson, hashed, recordHash } from './dossier';

describe('dossier hashes', () => {
  it('do not depend on key order, and change with any value', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    expect(recordHash({ a: 1, b: 2 })).toBe(recordHash({ b: 2, a: 1 }));
    expect(recordHash({ a: 1, b: 2 })).not.toBe(recordHash({ a: 1, b: 3 }));
  });

  it('hash the record as the JSON file carries it, so a reader can recompute them', () => {
    const entry = hashed({ title: '남편', at: new Date('2017-11-01T00:00:00Z') });
    const reread = JSON.parse(JSON.stringify(entry)) as typeof entry;
    expect(recordHash(reread.record)).toBe(entry.sha256);
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeVerificationGrade, type GradedSource, independentOriginCount } from './verification';
import { SOURCE_KINDS } from './vocabulary';

const source = (id: string, origin = '', kind: GradedSource['kind'] = 'informant_north_korea', mayBeNamed = false): GradedSource => ({
  id,
  kind,
  mayBeNamed,
  origin,
});
const grade = (sources: GradedSource[], flags: { retracted?: boolean; disputed?: boolean } = {}) =>
  computeVerificationGrade({ retracted: flags.retracted ?? false, disputed: flags.disputed ?? false, sources });

describe('computeVerificationGrade', () => {
  it('is "reported" without sources and "single source" with one', () => {
    expect(grade([])).toBe('reported');
    expect(grade([source('a')])).toBe('single_source');
  });

  it('stays "single source" when two sources relay one informant', () => {
    expect(grade([source('a', 'Informant K in Hyesan'), source('b', 'informant k in  hyesan')])).toBe('single_source');
  });

  it('is "corroborated" with two sources of different origins, or two sources without a shared origin', () => {
    expect(grade([source('a', 'S-17'), source('b', 'H-4')])).toBe('corroborated');
    expect(grade([source('a'), source('b')])).toBe('corroborated');
    expect(grade([source('a', 'S-17'), source('b', 'S-17'), source('c')])).toBe('corroborated');
  });

  it('ranks documents above accounts, and a named official document as official confirmation', () => {
    expect(grade([source('a', '', 'official_document', false)])).toBe('documented');
    expect(grade([source('a', '', 'official_document', true), source('b')])).toBe('officially_confirmed');
  });

  it('lets retraction and dispute override everything', () => {
    const strong = [source('a', '', 'official_document', true), source('b'), source('c')];
    expect(grade(strong, { disputed: true })).toBe('disputed');
    expect(grade(strong, { disputed: true, retracted: true })).toBe('retracted');
  });

  it('never says "corroborated" when every source shares one origin (any number of relays)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SOURCE_KINDS.filter((kind) => kind !== 'official_document')), { minLength: 1, maxLength: 8 }), fc.string({ minLength: 1 }).filter((value) => value.trim() !== ''), (kinds, origin) => {
        const sources = kinds.map((kind, index) => source(`s${index}`, origin, kind));
        expect(independentOriginCount(sources)).toBe(1);
        expect(grade(sources)).toBe('single_source');
      }),
    );
  });
});

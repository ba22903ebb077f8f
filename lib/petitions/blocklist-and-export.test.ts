import { describe, expect, it } from 'vitest';
import { csvCell } from './export-signatures';
import { parseAddressRange } from './update-blocklist';

describe('blocklist ranges and CSV cells', () => {
  it('accept CIDR ranges and single addresses, and refuse the rest', () => {
    expect(parseAddressRange('203.0.113.0/24')).toBe('203.0.113.0/24');
    expect(parseAddressRange('203.0.113.5')).toBe('203.0.113.5/32');
    expect(parseAddressRange('2001:db8::/32')).toBe('2001:db8::/32');
    expect(parseAddressRange('203.0.113.0/33')).toBeNull();
    expect(parseAddressRange('example.org')).toBeNull();
  });

  it('never let a spreadsheet run a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('Min-ji')).toBe('Min-ji');
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});

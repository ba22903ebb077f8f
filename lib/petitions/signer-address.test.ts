import { afterEach, describe, expect, it } from 'vitest';
import { csvCell } from './export-signatures';
import { PEER_ADDRESS_HEADER, signerAddress } from './signer-address';
import { parseAddressRange } from './update-blocklist';

afterEach(() => {
  delete process.env.VIGIL_TRUST_PROXY;
});

const headers = (values: Record<string, string>) => new Headers(values);

describe('signerAddress', () => {
  it('uses the socket address and ignores X-Forwarded-For by default', () => {
    expect(signerAddress(headers({ [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '10.0.0.1' }))).toBe('203.0.113.9');
    expect(signerAddress(headers({ [PEER_ADDRESS_HEADER]: '::ffff:203.0.113.9' }))).toBe('203.0.113.9');
  });

  it('believes X-Forwarded-For only with VIGIL_TRUST_PROXY=true and from a loopback peer', () => {
    process.env.VIGIL_TRUST_PROXY = 'true';
    expect(signerAddress(headers({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': 'spoofed, 10.1.2.3' }))).toBe('10.1.2.3');
    expect(signerAddress(headers({ [PEER_ADDRESS_HEADER]: '::1', 'x-forwarded-for': '10.1.2.4' }))).toBe('10.1.2.4');
    // A direct client on another address cannot choose its own address.
    expect(signerAddress(headers({ [PEER_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': '10.1.2.3' }))).toBe('198.51.100.7');
    // Nor can a proxy forward something that is not an address.
    expect(signerAddress(headers({ [PEER_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': 'not-an-address' }))).toBe('127.0.0.1');
  });
});

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

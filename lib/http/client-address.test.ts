import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies, resolveClientAddress, trustedProxiesFromEnvironment } from './client-address';
import { createRequestHandler } from './request-handler';

const none = parseTrustedProxies(undefined);

describe('resolveClientAddress', () => {
  it('takes the socket address and believes no header when no proxy is trusted', () => {
    expect(resolveClientAddress('203.0.113.9', '10.0.0.1', none)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
    expect(resolveClientAddress('2001:DB8::1', undefined, none)).toBe('2001:db8::1');
  });

  it('walks X-Forwarded-For from the right through the listed proxies only', () => {
    const trust = parseTrustedProxies('10.0.0.0/8, 192.0.2.7');
    // The load balancer (10.0.0.5) appended the client; the client's own claim before it is ignored.
    expect(resolveClientAddress('10.0.0.5', '198.51.100.1, 203.0.113.20', trust)).toBe('203.0.113.20');
    // Two listed proxies in a row: the walk passes both.
    expect(resolveClientAddress('10.0.0.5', 'forged, 203.0.113.21, 192.0.2.7', trust)).toBe('203.0.113.21');
    // A client connecting directly is not a listed proxy: its header changes nothing.
    expect(resolveClientAddress('203.0.113.22', '10.0.0.9', trust)).toBe('203.0.113.22');
    // A listed proxy passing on something that is no address: the proxy is the best we know.
    expect(resolveClientAddress('10.0.0.5', 'not-an-address', trust)).toBe('10.0.0.5');
    // Ports some load balancers add, and IPv6 in brackets.
    expect(resolveClientAddress('10.0.0.5', '203.0.113.23:5123', trust)).toBe('203.0.113.23');
    expect(resolveClientAddress('10.0.0.5', '[2001:db8::7]:443', trust)).toBe('2001:db8::7');
    // A listed proxy that sent no header at all.
    expect(resolveClientAddress('10.0.0.5', undefined, trust)).toBe('10.0.0.5');
  });

  it('counts hops as Express does: n proxies in front, the nth entry from the right is the client', () => {
    expect(resolveClientAddress('10.0.0.5', 'forged, 203.0.113.30', parseTrustedProxies('1'))).toBe('203.0.113.30');
    expect(resolveClientAddress('10.0.0.5', 'forged, 203.0.113.31, 10.0.0.6', parseTrustedProxies('2'))).toBe('203.0.113.31');
    // Fewer entries than hops: the leftmost there is.
    expect(resolveClientAddress('10.0.0.5', '203.0.113.32', parseTrustedProxies('3'))).toBe('203.0.113.32');
  });

  it('knows the named ranges', () => {
    const trust = parseTrustedProxies('loopback');
    expect(resolveClientAddress('::1', '203.0.113.40', trust)).toBe('203.0.113.40');
    expect(resolveClientAddress('::ffff:127.0.0.1', '203.0.113.41', trust)).toBe('203.0.113.41');
    expect(resolveClientAddress('192.168.1.1', '203.0.113.42', trust)).toBe('192.168.1.1');
  });

  it('refuses settings it cannot understand, and the old VIGIL_TRUST_PROXY, at start', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/prefix/);
    expect(() => parseTrustedProxies('proxy.example.org')).toThrow(/not an address/);
    expect(() => trustedProxiesFromEnvironment({ VIGIL_TRUST_PROXY: 'true' })).toThrow(/VIGIL_TRUSTED_PROXIES=loopback/);
    expect(trustedProxiesFromEnvironment({ VIGIL_TRUST_PROXY: 'false' })).toEqual({ kind: 'none' });
    expect(() => trustedProxiesFromEnvironment({ VIGIL_TRUSTED_PROXIES: 'nonsense' })).toThrow(/^VIGIL_TRUSTED_PROXIES: /);
  });

  it('has no address for a request that did not come through server.ts', () => {
    expect(() => clientAddress(new Headers())).toThrow(/server\.ts/);
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: '203.0.113.50' })).toBe('203.0.113.50');
  });
});

// The property itself, through server.ts's request handler on real sockets: loopback has all of
// 127.0.0.0/8, so each client connects from an address of its own; 127.0.0.2 plays the listed proxy.
describe('the request handler', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function start(trusted: string): Promise<number> {
    const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ address: request.headers[CLIENT_ADDRESS_HEADER], internal: Object.keys(request.headers).filter((name) => name.startsWith('x-vigil-')) }));
    };
    server = http.createServer(createRequestHandler({ handle, development: true, trustedProxies: parseTrustedProxies(trusted) }));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  function get(port: number, from: string, headers: Record<string, string>): Promise<{ address: string; internal: string[] }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', localAddress: from, headers, agent: false }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(body)));
        })
        .on('error', reject);
    });
  }

  it('states the socket address, whatever a direct client claims in any header', async () => {
    const port = await start('127.0.0.2');
    const answer = await get(port, '127.0.0.9', {
      'X-Forwarded-For': '198.51.100.1',
      'X-Real-IP': '198.51.100.2',
      'X-Vigil-Client-Address': '198.51.100.3',
      'X-Vigil-Peer-Address': '198.51.100.4',
    });
    expect(answer).toEqual({ address: '127.0.0.9', internal: [CLIENT_ADDRESS_HEADER] });
  });

  it("believes the listed proxy's X-Forwarded-For, and only its last entry", async () => {
    const port = await start('127.0.0.2');
    expect(await get(port, '127.0.0.2', { 'X-Forwarded-For': '198.51.100.1, 203.0.113.60' })).toMatchObject({ address: '203.0.113.60' });
    expect(await get(port, '127.0.0.3', { 'X-Forwarded-For': '203.0.113.60' })).toMatchObject({ address: '127.0.0.3' });
  });
});

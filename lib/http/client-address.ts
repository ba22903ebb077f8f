/**
 * The client's network address, decided once per request by server.ts from the socket: X-Forwarded-For
 * is believed only from the proxies the operator lists in VIGIL_TRUSTED_PROXIES, walked from the right
 * as Express's "trust proxy" does. The decision travels to Next in one internal header that server.ts
 * overwrites on every request (any client-sent `x-vigil-*` header is dropped first); petitions, sign-in
 * throttling, staff sessions and the audit trail all read it through `clientAddress`.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-vigil-client-address';
const INTERNAL_HEADER_PREFIX = 'x-vigil-';

/** Whom X-Forwarded-For is believed from: nobody, the first `hops` proxies, or the listed addresses. */
export type ProxyTrust =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'addresses'; list: BlockList; description: string };

// The names Express's "trust proxy" accepts for the usual private ranges.
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, as a dual-stack socket reports it) as plain IPv4. */
function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

/**
 * One X-Forwarded-For entry as an address, or null when it is none. Some load balancers add the port
 * (`192.0.2.1:5123`, `[2001:db8::1]:5123`); it is dropped.
 */
function forwardedEntry(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = normaliseAddress(value);
  return isIP(value) ? value : null;
}

function addRange(list: BlockList, range: string): void {
  const [address, prefixText] = range.split('/');
  const normalised = normaliseAddress(address ?? '');
  const family = isIP(normalised);
  if (!family) throw new Error(`"${range}" is not an address, a CIDR range or one of ${Object.keys(NAMED_RANGES).join(', ')}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return list.addAddress(normalised, type);
  const prefix = Number(prefixText);
  if (!/^\d+$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${range}" has an invalid prefix length`);
  list.addSubnet(normalised, prefix, type);
}

/**
 * VIGIL_TRUSTED_PROXIES: empty (believe no proxy: the socket's address is the client's), a whole number
 * of proxy hops in front of Vigil, or a comma-separated list of addresses, CIDR ranges and the names
 * loopback, linklocal, uniquelocal. Throws with the reason when the value is none of these.
 */
export function parseTrustedProxies(value: string | undefined): ProxyTrust {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = new BlockList();
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const named = NAMED_RANGES[entry.toLowerCase()];
    for (const range of named ?? [entry]) addRange(list, range);
  }
  return { kind: 'addresses', list, description: entries.join(', ') };
}

function trusts(trust: ProxyTrust, address: string, hop: number): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'hops') return hop < trust.hops;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: start at the socket; while the address in hand is a trusted proxy, step to the
 * entry that proxy appended to X-Forwarded-For (the rightmost one not yet used). An entry that is no
 * address ends the walk at the proxy that passed it on: a proxy we trust vouched for nothing better.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: ProxyTrust): string {
  let client = normaliseAddress(socketAddress ?? '') || 'unknown';
  if (trust.kind === 'none' || forwardedFor === undefined) return client;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').reverse();
  for (let hop = 0; hop < entries.length && trusts(trust, client, hop); hop++) {
    const next = forwardedEntry(entries[hop]!);
    if (!next) break;
    client = next;
  }
  return client;
}

/**
 * Run by server.ts on every request before anything else reads it: drops every client-sent internal
 * header, then states the client's address in ours. Nothing a client sends can set it.
 */
export function stampClientAddress(request: IncomingMessage, trust: ProxyTrust): string {
  for (const name of Object.keys(request.headers)) {
    if (name.startsWith(INTERNAL_HEADER_PREFIX)) delete request.headers[name];
  }
  const address = resolveClientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trust);
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

/**
 * The address server.ts decided for this request. Anything that does not come through server.ts has
 * no address we could believe: that is a deployment error (see README), not a shared "unknown".
 */
export function clientAddress(headers: Headers | IncomingHttpHeaders | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const address = Array.isArray(value) ? value[0] : value;
  if (!address) throw new Error(`${CLIENT_ADDRESS_HEADER} is missing: Vigil must run behind server.ts (npm start), not next start`);
  return address;
}

/**
 * The trust server.ts starts with. VIGIL_TRUST_PROXY (believe any loopback proxy) is gone: it stops the
 * start with what to set instead, rather than silently believing more or less than before.
 */
export function trustedProxiesFromEnvironment(env: Record<string, string | undefined> = process.env): ProxyTrust {
  const old = env.VIGIL_TRUST_PROXY?.trim();
  if (old && old !== 'false') {
    throw new Error(
      'VIGIL_TRUST_PROXY is no longer read. Set VIGIL_TRUSTED_PROXIES to the addresses of your proxies instead ' +
        '(VIGIL_TRUSTED_PROXIES=loopback for a proxy on the same machine, as VIGIL_TRUST_PROXY=true meant; see README), ' +
        'and remove VIGIL_TRUST_PROXY.',
    );
  }
  try {
    return parseTrustedProxies(env.VIGIL_TRUSTED_PROXIES);
  } catch (error) {
    throw new Error(`VIGIL_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
}

/** How the server describes its trust at start, so the operator sees what it believes. */
export function describeTrust(trust: ProxyTrust): string {
  if (trust.kind === 'none') return 'no proxy is trusted: the client address is the socket address';
  if (trust.kind === 'hops') return `X-Forwarded-For is believed through ${trust.hops} proxy hop(s)`;
  return `X-Forwarded-For is believed from ${trust.description}`;
}

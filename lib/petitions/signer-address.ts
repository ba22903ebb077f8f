/**
 * The network address a signature came from, for the per-address limits and the blocklist.
 * server.ts puts the socket's address in x-vigil-peer-address (replacing anything a client sent).
 * Only when VIGIL_TRUST_PROXY=true, and only for requests whose socket is a loopback address (a
 * reverse proxy or the benchmark on the same machine), is the last X-Forwarded-For entry believed.
 * Without the peer header (an older server.ts) the shared rule of lib/auth/client-ip.ts applies.
 */
import 'server-only';
import { isIP } from 'node:net';
import { clientIp } from '@/lib/auth/client-ip';

export const PEER_ADDRESS_HEADER = 'x-vigil-peer-address';

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function lastForwarded(headers: Headers): string | undefined {
  return headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
}

export function signerAddress(headers: Headers): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  if (!peer) return clientIp(headers);
  if (process.env.VIGIL_TRUST_PROXY === 'true' && isLoopback(peer)) {
    const forwarded = lastForwarded(headers);
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  return peer.replace(/^::ffff:/, '');
}

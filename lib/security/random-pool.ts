/**
 * Random bytes for short secrets (confirmation tokens, CSP nonces), drawn from a pool refilled 4 KiB
 * at a time, as Node's own crypto.randomUUID does: on this kind of VM one call into the system's
 * random source costs 10-35 µs, and a signature or a page needs one or two. The bytes are the same
 * CSPRNG output either way. Each handed-out slice is copied and wiped from the pool, so the pool never
 * holds a secret that is in use. No 'server-only' here: server.ts (plain node) uses it for nonces.
 */
import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

export function pooledRandomBytes(size: number): Buffer {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive whole number');
  if (size > 256) return randomBytes(size);
  if (offset + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const slice = Buffer.from(pool.subarray(offset, offset + size));
  pool.fill(0, offset, offset + size);
  offset += size;
  return slice;
}

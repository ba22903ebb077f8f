/**
 * The server's master key (VIGIL_SECRET_KEY, 32 bytes as base64 or hex) and the keys derived from it.
 * Production refuses to run without it. Development and tests generate a random key once into a
 * file beside the embedded database, so `npm run dev` needs no configuration; that key protects
 * nothing real and is never used in production.
 */
import 'server-only';
import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class MissingSecretKeyError extends Error {
  constructor(detail: string) {
    super(
      `${detail} Set VIGIL_SECRET_KEY to 32 random bytes, for example the output of ` +
        '`node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"`, ' +
        'and keep it: it encrypts the two-factor secrets and signs sessions.',
    );
    this.name = 'MissingSecretKeyError';
  }
}

export type KeyPurpose =
  | 'totp-secret-encryption'
  | 'totp-enrollment'
  | 'session-signing'
  | 'recovery-code-hashing'
  | 'signer-address-hashing'
  | 'petition-withdrawal-links'
  | 'petition-news-unsubscribe-links';

function parseKey(value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64,}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length < 32) throw new MissingSecretKeyError('VIGIL_SECRET_KEY is shorter than 32 bytes.');
  return key;
}

/** Where development and test runs keep their generated key (never used in production). */
export function developmentKeyPath(): string {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.env.VIGIL_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite'));
  return path.join(path.dirname(dataDir), 'development-only-secret-key');
}

function developmentKey(): Buffer {
  const file = developmentKeyPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseKey(fs.readFileSync(file, 'utf8'));
}

let masterKey: Buffer | undefined;

export function getMasterKey(): Buffer {
  if (masterKey) return masterKey;
  const configured = process.env.VIGIL_SECRET_KEY;
  if (configured) {
    masterKey = parseKey(configured);
  } else if (process.env.NODE_ENV === 'production') {
    throw new MissingSecretKeyError('VIGIL_SECRET_KEY is not set, and production never runs without it.');
  } else {
    masterKey = developmentKey();
  }
  return masterKey;
}

/** A 32-byte key for one purpose, so that no two uses ever share a key. */
export function deriveKey(purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', getMasterKey(), Buffer.alloc(0), `vigil:${purpose}`, 32));
}

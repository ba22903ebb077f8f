import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const saved = { ...process.env };

async function freshModule() {
  vi.resetModules();
  return import('./secret-key');
}

afterEach(() => {
  process.env = { ...saved };
});

describe('the secret key', () => {
  it('refuses to run in production without VIGIL_SECRET_KEY', async () => {
    delete process.env.VIGIL_SECRET_KEY;
    vi.stubEnv('NODE_ENV', 'production');
    const { getMasterKey, MissingSecretKeyError } = await freshModule();
    expect(() => getMasterKey()).toThrow(MissingSecretKeyError);
    vi.unstubAllEnvs();
  });

  it('refuses a key shorter than 32 bytes', async () => {
    process.env.VIGIL_SECRET_KEY = Buffer.alloc(16, 1).toString('base64');
    const { getMasterKey } = await freshModule();
    expect(() => getMasterKey()).toThrow(/shorter than 32 bytes/);
  });

  it('uses the configured key, in base64 or hex, and derives a different key for each purpose', async () => {
    const key = Buffer.alloc(32, 7);
    process.env.VIGIL_SECRET_KEY = key.toString('hex');
    const first = await freshModule();
    expect(first.getMasterKey()).toEqual(key);
    process.env.VIGIL_SECRET_KEY = key.toString('base64');
    const second = await freshModule();
    expect(second.getMasterKey()).toEqual(key);
    expect(second.deriveKey('totp-secret-encryption')).not.toEqual(second.deriveKey('session-signing'));
    expect(second.deriveKey('totp-secret-encryption')).toHaveLength(32);
  });

  it('generates a development key once, beside the embedded database, when none is configured', async () => {
    delete process.env.VIGIL_SECRET_KEY;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-key-'));
    process.env.VIGIL_DATA_DIR = path.join(dir, 'pglite');
    const first = await freshModule();
    const key = first.getMasterKey();
    expect(fs.existsSync(first.developmentKeyPath())).toBe(true);
    expect(first.developmentKeyPath()).toContain('development-only');
    const second = await freshModule();
    expect(second.getMasterKey()).toEqual(key);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

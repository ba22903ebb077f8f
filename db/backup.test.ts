/** A backup of the embedded database restored into a fresh directory holds the same data, audit chain intact. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { inviteUser } from '@/lib/users/invite-user';
import { signPetition } from '@/lib/petitions/sign-petition';
import { createTestPetition, signer, testAddress } from '@/lib/petitions/test-fixtures';
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from './backup';
import { type Database, installDatabase, openDatabase } from './client';
import { EmbeddedDatabaseInUseError } from './directory-lock';
import { auditLog, cases, petitionSignatures } from './schema';
import { seedDemoData } from './seed';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-backup-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function contents(db: Database) {
  return {
    cases: (await db.select({ slug: cases.slug }).from(cases).orderBy(cases.slug)).map((row) => row.slug),
    signatures: (await db.select({ email: petitionSignatures.email }).from(petitionSignatures).orderBy(petitionSignatures.email)).map((row) => row.email),
    auditRows: await db.$count(auditLog),
  };
}

it('backs up a live directory only through its owner, and restores it into a fresh one: same cases, signatures and an intact audit chain', async () => {
  const original = path.join(scratch, 'original');
  const opened = await openDatabase({ dataDir: original });
  installDatabase(opened);
  let before: Awaited<ReturnType<typeof contents>>;
  try {
    await seedDemoData(opened.db);
    const { slug } = await createTestPetition(opened.db);
    for (let i = 0; i < 5; i++) {
      expect(await signPetition(slug, signer(`backup-${i}@example.org`), { ip: testAddress(i), origin: 'https://vigil.test' })).toEqual({ kind: 'accepted' });
    }
    // Staff writes leave audit rows (a chain of hashes) to carry over.
    const { session: admin } = await sessionForRole('admin');
    expect(await inviteUser(admin, { email: 'restored-advocate@example.org', role: 'advocate', origin: 'https://vigil.test', locale: 'en' })).toMatchObject({ ok: true });
    before = await contents(opened.db);
    expect(before.signatures).toEqual(expect.arrayContaining([0, 1, 2, 3, 4].map((i) => `backup-${i}@example.org`)));
    expect(before.auditRows).toBeGreaterThan(0);
    // While the database is open (a running server), a backup refuses rather than copy files being written.
    await expect(backupEmbeddedDatabase(original, path.join(scratch, 'refused.tar.gz'))).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
    expect(fs.existsSync(path.join(scratch, 'refused.tar.gz'))).toBe(false);
  } finally {
    installDatabase(undefined);
    await opened.close();
  }

  const file = path.join(scratch, 'vigil.tar.gz');
  expect((await backupEmbeddedDatabase(original, file)).bytes).toBeGreaterThan(1000);
  // Restoring never overwrites a database.
  await expect(restoreEmbeddedDatabase(file, original)).rejects.toThrow(/already holds a database/);

  const restoredDir = path.join(scratch, 'restored');
  await restoreEmbeddedDatabase(file, restoredDir);
  const restored = await openDatabase({ dataDir: restoredDir });
  try {
    expect(await contents(restored.db)).toEqual(before!);
    expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true });
  } finally {
    await restored.close();
  }
}, 420_000);

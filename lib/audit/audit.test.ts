import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { changePassword } from '@/lib/account/change-password';
import { enableTwoFactor } from '@/lib/account/enable-two-factor';
import { regenerateRecoveryCodes } from '@/lib/account/regenerate-recovery-codes';
import { signOutEverywhere } from '@/lib/account/sign-out-everywhere';
import { signIn } from '@/lib/auth/sign-in';
import { createTestAccount, currentCode, openTestSession, sessionForRole, TEST_PASSWORD } from '@/lib/auth/test-fixtures';
import { generateTotpSecret, totpCode, totpStep } from '@/lib/auth/totp';
import { sealEnrollment } from '@/lib/auth/two-factor';
import { updateSiteSettings } from '@/lib/settings/update-site-settings';
import { acceptInvitation } from '@/lib/users/accept-invitation';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUserFromTerminal } from '@/lib/users/create-user-from-terminal';
import { disableUser } from '@/lib/users/disable-user';
import { enableUser } from '@/lib/users/enable-user';
import { getOpenInvitation } from '@/lib/users/get-invitation';
import { inviteUser } from '@/lib/users/invite-user';
import { resetTwoFactor } from '@/lib/users/reset-two-factor';
import { setInternalAccess } from '@/lib/users/set-internal-access';
import { canonicalJson } from './record-audit';
import { valueOf } from '@/lib/operations/testing';
import { listAuditEntries } from './list-audit-entries';
import { verifyAuditChain } from './verify-audit-chain';

describe('canonical JSON', () => {
  it('is the same whatever the key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});

describeEachEngine('audit trail', ({ db }) => {
  const link = { origin: 'https://vigil.test', locale: 'en' } as const;

  async function lastRow() {
    const [row] = await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    return row!;
  }

  it('records every staff change with who, what, which record, before, after, when and from where', async () => {
    const { account: adminAccount, session: admin } = await sessionForRole('admin');
    const check = async (action: string, entityId: string, expected: { before?: unknown; after?: unknown } = {}) => {
      const row = await lastRow();
      expect(row).toMatchObject({ action, entityId, actorEmail: expect.any(String), ip: expect.any(String) });
      if (expected.before !== undefined) expect(row.before).toMatchObject(expected.before as object);
      if (expected.after !== undefined) expect(row.after).toMatchObject(expected.after as object);
      expect(Date.now() - row.occurredAt.getTime()).toBeLessThan(60_000);
      return row;
    };

    const invited = await inviteUser(admin, { email: 'audited@test.example', role: 'advocate', ...link });
    const userId = invited.ok ? invited.value.userId : '';
    const inviteRow = await check('user.invite', userId, { after: { email: 'audited@test.example', role: 'advocate' } });
    expect(inviteRow).toMatchObject({ actorUserId: adminAccount.userId, actorEmail: adminAccount.email, ip: admin.ip, entityType: 'user' });

    const token = invited.ok ? invited.value.link.split('/invite/')[1]! : '';
    const open = await getOpenInvitation(token);
    await acceptInvitation(
      { token, password: 'audited long password', passwordConfirmation: 'audited long password', enrollment: open!.enrollment, totpCode: '' },
      '198.51.100.60',
    );
    const acceptRow = await check('invitation.accept', userId, { after: { passwordSet: true } });
    expect(acceptRow).toMatchObject({ actorUserId: userId, ip: '198.51.100.60' });

    await changeUserRole(admin, { userId, role: 'organizer' });
    await check('user.change_role', userId, { before: { role: 'advocate' }, after: { role: 'organizer' } });
    await setInternalAccess(admin, { userId, internalAccess: 'on' });
    await check('user.grant_internal_access', userId, { before: { internalAccess: false }, after: { internalAccess: true } });
    await disableUser(admin, { userId });
    await check('user.disable', userId, { before: { disabled: false }, after: { disabled: true } });
    await enableUser(admin, { userId });
    await check('user.enable', userId, { before: { disabled: true }, after: { disabled: false } });

    const target = await createTestAccount({ role: 'advocate' });
    await resetTwoFactor(admin, { userId: target.userId });
    await check('user.reset_two_factor', target.userId, { before: { twoFactorEnabled: true }, after: { twoFactorEnabled: false } });

    await updateSiteSettings(admin, { requireTwoFactor: 'on' });
    await check('settings.update', '1', { after: { requireTwoFactor: true } });

    const own = await createTestAccount({ role: 'advocate', twoFactor: false });
    const ownSession = await openTestSession(own);
    const secret = generateTotpSecret();
    await enableTwoFactor(ownSession, { enrollment: sealEnrollment(own.userId, secret), totpCode: totpCode(secret, totpStep()) });
    await check('account.enable_two_factor', own.userId, { after: { twoFactorEnabled: true } });
    await regenerateRecoveryCodes(ownSession, { totpCode: totpCode(secret, totpStep() + 1) });
    await check('account.regenerate_recovery_codes', own.userId);
    await changePassword(ownSession, { currentPassword: TEST_PASSWORD, password: 'changed long password', passwordConfirmation: 'changed long password' });
    const passwordRow = await check('account.change_password', own.userId);
    expect(JSON.stringify(passwordRow)).not.toContain('changed long password');
    await signOutEverywhere(ownSession, {});
    await check('account.sign_out_everywhere', own.userId);

    const signedIn = await signIn({ email: adminAccount.email, password: TEST_PASSWORD, code: currentCode(adminAccount.totpSecret!), ip: '198.51.100.61', userAgent: 'vitest' });
    await check('session.sign_in', signedIn.ok ? signedIn.sessionId : '', { after: { method: 'totp' } });

    await createUserFromTerminal(db(), { email: 'terminal@test.example', role: 'admin', password: 'terminal long password' }, 'operator');
    const terminalRow = await lastRow();
    expect(terminalRow).toMatchObject({ action: 'user.create_from_terminal', actorUserId: null, actorEmail: 'terminal:operator' });

    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('writes nothing, the change included, when the change fails', async () => {
    const { session: admin } = await sessionForRole('admin');
    const before = await verifyAuditChain(db());
    const result = await inviteUser(admin, { email: (await createTestAccount({ role: 'advocate' })).email, role: 'advocate', ...link });
    expect(result.ok).toBe(false);
    expect(await verifyAuditChain(db())).toEqual(before);
  });

  it('never stores a password, token or second-factor secret in the log', async () => {
    const rows = await db().select().from(auditLog);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/\$argon2id\$/);
    expect(text).not.toMatch(/passwordHash|totpSecret|tokenHash/);
  });

  it('lets admins filter the log by actor, action and record', async () => {
    const { account, session: admin } = await sessionForRole('admin');
    const invited = await inviteUser(admin, { email: 'filtered@test.example', role: 'advocate', ...link });
    const userId = invited.ok ? invited.value.userId : '';
    const byActor = await valueOf(listAuditEntries(admin, { actor: account.email }));
    expect(byActor.entries.map((entry) => entry.action)).toEqual(['user.invite']);
    const byRecord = await valueOf(listAuditEntries(admin, { entityType: 'user', entityId: userId }));
    expect(byRecord.entries).toHaveLength(1);
    const byAction = await valueOf(listAuditEntries(admin, { action: 'user.invite' }));
    expect(byAction.entries.every((entry) => entry.action === 'user.invite')).toBe(true);
    const none = await valueOf(listAuditEntries(admin, { from: '2000-01-01', to: '2000-01-02' }));
    expect(none.entries).toEqual([]);
  });

  it('keeps a single chain when many changes commit at once', async () => {
    const { session: admin } = await sessionForRole('admin');
    const targets = await Promise.all(Array.from({ length: 8 }, () => createTestAccount({ role: 'advocate' })));
    const results = await Promise.all(targets.map((target) => changeUserRole(admin, { userId: target.userId, role: 'organizer' })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('detects a row altered by hand and names it', async () => {
    const { session: admin } = await sessionForRole('admin');
    const target = await createTestAccount({ role: 'advocate' });
    await changeUserRole(admin, { userId: target.userId, role: 'organizer' });
    const altered = await lastRow();
    await changeUserRole(admin, { userId: target.userId, role: 'advocate' });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });

    // The database itself refuses to change or delete an audit row...
    await expect(db().execute(sql`update audit_log set action = 'x' where id = ${altered.id}`)).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_log where id = ${altered.id}`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });

    // ...so someone with owner access turns the trigger off and rewrites history: the role change "was" to admin.
    await db().execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await db().execute(sql`update audit_log set after = jsonb_set(after, '{role}', '"admin"') where id = ${altered.id}`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenRowId: altered.id, problem: 'content_altered' });

    // Recomputing that row's hash does not help: the next row no longer links to it.
    const { auditRowHash } = await import('./record-audit');
    const [row] = await db().select().from(auditLog).where(eq(auditLog.id, altered.id));
    const forged = auditRowHash(row!);
    await db().execute(sql`update audit_log set hash = ${forged} where id = ${altered.id}`);
    await db().execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ ok: false, problem: 'link_broken' });
    expect(report.ok ? 0 : report.brokenRowId).toBeGreaterThan(altered.id);
  });
});

describe('npm run audit:verify', () => {
  it('exits non-zero and names the first broken row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-audit-verify-'));
    const dataDir = path.join(dir, 'pglite');
    const opened = await openDatabase({ dataDir });
    let alteredId = 0;
    try {
      await createUserFromTerminal(opened.db, { email: 'one@test.example', role: 'admin', password: 'first long password' }, 'ci');
      await createUserFromTerminal(opened.db, { email: 'two@test.example', role: 'advocate', password: 'second long password' }, 'ci');
      await createUserFromTerminal(opened.db, { email: 'three@test.example', role: 'advocate', password: 'third long password' }, 'ci');
      const [second] = await opened.db.select().from(auditLog).orderBy(auditLog.id).offset(1).limit(1);
      alteredId = second!.id;
      await opened.db.update(users).set({ role: 'admin' }).where(eq(users.email, 'two@test.example'));
      await opened.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await opened.db.execute(sql`update audit_log set after = jsonb_set(after, '{role}', '"admin"') where id = ${alteredId}`);
    } finally {
      await opened.close();
    }
    const run = promisify(execFile);
    const failure = await run('npm', ['run', '-s', 'audit:verify'], { env: { ...process.env, VIGIL_DATA_DIR: dataDir, DATABASE_URL: '' } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`row ${alteredId}`);
  });
});

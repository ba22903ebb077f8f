/**
 * The machinery every staff operation shares (defineOperation and toRoute), tested with operations
 * declared here for the purpose, on each engine: refusal before parsing, field errors that write
 * nothing or undo what was written, the audit rule, after-commit hooks, and the route's statuses.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auditLog, siteSettings, users } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';
import { sessionForRole } from '@/lib/auth/test-fixtures';
import { readSiteSettings } from '@/lib/settings/read-site-settings';
import { toRoute } from './adapters';
import { defineOperation, UnauditedWriteError, type WriteContext } from './define-operation';
import { fieldError, missingRecord, type OperationFailure, succeeded } from './result';

// The request's session, as getStaffSession would read it from the cookie.
const request = vi.hoisted(() => ({ session: null as StaffSession | null }));
vi.mock('@/lib/auth/get-staff-session', () => ({ getStaffSession: async () => request.session }));

const settingsInput = z.object({ requireTwoFactor: z.enum(['on', 'off'], { error: 'chooseOne' }) });

/** A write to the site settings (admins only) whose body each test chooses; no failure means success. */
function settingsWrite(body: (context: WriteContext, requireTwoFactor: boolean) => Promise<OperationFailure | void>) {
  return defineOperation({
    name: 'settings.update',
    input: settingsInput,
    writes: true,
    changesPublicView: false,
    async run(context, input) {
      return (await body(context, input.requireTwoFactor === 'on')) ?? succeeded({ written: true });
    },
  });
}

async function writeSetting({ tx, session }: WriteContext, requireTwoFactor: boolean) {
  await tx
    .insert(siteSettings)
    .values({ id: 1, requireTwoFactor, updatedByUserId: session.userId })
    .onConflictDoUpdate({ target: siteSettings.id, set: { requireTwoFactor, updatedAt: sql`now()` } });
}

describeEachEngine('defineOperation', ({ db }) => {
  /** What the tests' operations could change: the setting and the audit log's length. */
  async function state() {
    const [audit] = await db().select({ rows: count() }).from(auditLog);
    return { settings: await readSiteSettings(db()), auditRows: audit!.rows };
  }

  beforeEach(async () => {
    await db().delete(siteSettings);
    request.session = null;
  });

  it('refuses a caller the permission table does not allow before parsing anything, and changes nothing', async () => {
    const parse = vi.fn((raw: unknown) => raw);
    const run = vi.fn();
    const operation = defineOperation({
      name: 'settings.update',
      input: z.unknown().transform(parse),
      writes: true,
      changesPublicView: false,
      run,
    });
    const { session: organizer } = await sessionForRole('organizer');
    const before = await state();
    await expect(operation(null, { requireTwoFactor: 'off' })).rejects.toMatchObject({ name: 'ForbiddenError', reason: 'unauthenticated' });
    await expect(operation.fromUntrusted(organizer, { requireTwoFactor: 'off' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(operation(organizer, 'not even an object')).rejects.toMatchObject({ reason: 'role' });
    expect(parse).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    expect(await state()).toEqual(before);
  });

  it('answers bad input with errors by field and never runs the body', async () => {
    const body = vi.fn(writeSetting);
    const operation = settingsWrite(body);
    const { session: admin } = await sessionForRole('admin');
    const before = await state();
    expect(await operation.fromUntrusted(admin, { requireTwoFactor: 'sometimes' })).toEqual({ ok: false, fieldErrors: { requireTwoFactor: 'chooseOne' } });
    expect(await operation.fromUntrusted(admin, null)).toMatchObject({ ok: false, fieldErrors: { form: expect.any(String) } });
    expect(body).not.toHaveBeenCalled();
    expect(await state()).toEqual(before);
  });

  it('rolls back what the body wrote (its audit row too) when it then returns field errors', async () => {
    const operation = settingsWrite(async (context, requireTwoFactor) => {
      await writeSetting(context, requireTwoFactor);
      await context.audit({ entityType: 'site_settings', entityId: '1', after: { requireTwoFactor } });
      expect(await readSiteSettings(context.tx)).toEqual({ requireTwoFactor: false });
      return fieldError('requireTwoFactor', 'changedMyMind');
    });
    const { session: admin } = await sessionForRole('admin');
    const before = await state();
    expect(await operation(admin, { requireTwoFactor: 'off' })).toEqual({ ok: false, fieldErrors: { requireTwoFactor: 'changedMyMind' } });
    expect(await state()).toEqual(before);
    expect(before.settings).toEqual({ requireTwoFactor: true });
  });

  it('throws UnauditedWriteError for a write that recorded no audit row, and rolls it back', async () => {
    const operation = settingsWrite(writeSetting);
    const { session: admin } = await sessionForRole('admin');
    const before = await state();
    await expect(operation(admin, { requireTwoFactor: 'off' })).rejects.toBeInstanceOf(UnauditedWriteError);
    expect(await state()).toEqual(before);
  });

  it('commits a write with its audit row, under the operation name and the caller as actor', async () => {
    const operation = settingsWrite(async (context, requireTwoFactor) => {
      await writeSetting(context, requireTwoFactor);
      await context.audit({ entityType: 'site_settings', entityId: '1', after: { requireTwoFactor } });
    });
    const { account, session: admin } = await sessionForRole('admin');
    const before = await state();
    expect(await operation(admin, { requireTwoFactor: 'off' })).toEqual({ ok: true, value: { written: true } });
    expect(await state()).toEqual({ settings: { requireTwoFactor: false }, auditRows: before.auditRows + 1 });
    const [row] = await db().select().from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(row).toMatchObject({ action: 'settings.update', actorUserId: account.userId, actorEmail: account.email, entityType: 'site_settings' });
  });

  it('runs after-commit hooks once the write is committed, and never after a failure', async () => {
    const seenByHooks: unknown[] = [];
    const specAfterCommit = vi.fn();
    let failWith: 'fieldError' | 'throw' | null = null;
    const operation = defineOperation({
      name: 'settings.update',
      input: settingsInput,
      writes: true,
      changesPublicView: false,
      async run(context, input) {
        const requireTwoFactor = input.requireTwoFactor === 'on';
        await writeSetting(context, requireTwoFactor);
        await context.audit({ entityType: 'site_settings', entityId: '1', after: { requireTwoFactor } });
        // The hook reads through the process-wide database, outside the transaction: it must see the commit.
        context.afterCommit(async () => {
          seenByHooks.push(await readSiteSettings(await getDb()));
        });
        if (failWith === 'fieldError') return fieldError('requireTwoFactor', 'changedMyMind');
        if (failWith === 'throw') throw new Error('the body failed');
        return succeeded({ requireTwoFactor });
      },
      afterCommit: specAfterCommit,
    });
    const { session: admin } = await sessionForRole('admin');

    failWith = 'fieldError';
    expect(await operation(admin, { requireTwoFactor: 'off' })).toMatchObject({ ok: false });
    failWith = 'throw';
    await expect(operation(admin, { requireTwoFactor: 'off' })).rejects.toThrow('the body failed');
    expect(seenByHooks).toEqual([]);
    expect(specAfterCommit).not.toHaveBeenCalled();

    failWith = null;
    expect(await operation(admin, { requireTwoFactor: 'off' })).toEqual({ ok: true, value: { requireTwoFactor: false } });
    expect(seenByHooks).toEqual([{ requireTwoFactor: false }]);
    expect(specAfterCommit).toHaveBeenCalledExactlyOnceWith({ requireTwoFactor: false }, { requireTwoFactor: 'off' });
  });
});

describeEachEngine('toRoute', () => {
  // A read for admins only: an account's email by id, "missing" when there is no such account.
  const accountEmail = defineOperation({
    name: 'users.list',
    input: z.object({ userId: z.uuid({ error: 'userInvalid' }) }),
    writes: false,
    changesPublicView: false,
    async run({ db }, { userId }) {
      const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
      return user ? succeeded(user) : missingRecord('userId');
    },
  });
  const handler = toRoute(accountEmail, { input: (request: Request) => request.json() });

  async function post(body: string): Promise<{ status: number; json: unknown; cacheControl: string | null }> {
    const response = await handler(new Request('http://vigil.test/api/test', { method: 'POST', body }), { params: Promise.resolve({}) });
    return { status: response.status, json: await response.json(), cacheControl: response.headers.get('cache-control') };
  }

  it('answers 401, 403, 404, 422 and 400 as JSON, and the value with 200', async () => {
    const { account, session: admin } = await sessionForRole('admin');
    const { session: organizer } = await sessionForRole('organizer');
    const known = JSON.stringify({ userId: account.userId });

    request.session = null;
    expect(await post(known)).toEqual({ status: 401, json: { error: 'signedOut' }, cacheControl: 'no-store' });
    request.session = organizer;
    expect(await post(known)).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    request.session = admin;
    expect(await post(JSON.stringify({ userId: randomUUID() }))).toMatchObject({ status: 404, json: { error: 'notFound' } });
    expect(await post(JSON.stringify({ userId: 'not-an-id' }))).toMatchObject({ status: 422, json: { error: 'invalid', fields: { userId: 'userInvalid' } } });
    expect(await post('{ not json')).toMatchObject({ status: 400, json: { error: 'badRequest' } });
    expect(await post(known)).toMatchObject({ status: 200, json: { email: account.email } });
  });
});

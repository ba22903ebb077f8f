import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { invitations, signInAttempts, users } from '@/db/schema';
import { describeEachEngine } from '@/db/testing';
import { changePassword } from '@/lib/account/change-password';
import { signOutEverywhere } from '@/lib/account/sign-out-everywhere';
import { acceptInvitation } from '@/lib/users/accept-invitation';
import { changeUserRole } from '@/lib/users/change-user-role';
import { disableUser } from '@/lib/users/disable-user';
import { getOpenInvitation } from '@/lib/users/get-invitation';
import { setInternalAccess } from '@/lib/users/set-internal-access';
import { updateSiteSettings } from '@/lib/settings/update-site-settings';
import { inviteUser } from '@/lib/users/invite-user';
import { ForbiddenError } from './permissions';
import { signIn } from './sign-in';
import { authorize, loadStaffSession } from './staff-session';
import { createTestAccount, currentCode, openTestSession, sessionForRole, TEST_PASSWORD } from './test-fixtures';
import { totpCode, totpStep } from './totp';

const request = (ip = '198.51.100.1') => ({ ip, userAgent: 'vitest' });

describeEachEngine('sign-in', ({ db }) => {
  it('signs in with the right password and opens a valid session', async () => {
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    const result = await signIn({ email: account.email.toUpperCase(), password: TEST_PASSWORD, ...request() });
    expect(result).toMatchObject({ ok: true, userId: account.userId });
    const session = await loadStaffSession(result.ok ? result.sessionId : undefined, '198.51.100.1');
    expect(session).toMatchObject({ userId: account.userId, role: 'advocate', needsTwoFactorSetup: false });
  });

  it('refuses a wrong password, and answers an unknown address the same way in about the same time', async () => {
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    const attempt = async (email: string) => {
      const started = performance.now();
      const result = await signIn({ email, password: 'not the password', ...request('198.51.100.2') });
      return { result, ms: performance.now() - started };
    };
    // Warm both paths, then compare medians of three: the machine may be busy with other work.
    await attempt(account.email);
    await attempt('nobody@test.example');
    const wrong = [await attempt(account.email), await attempt(account.email), await attempt(account.email)];
    const unknown = [await attempt('nobody@test.example'), await attempt('nobody@test.example'), await attempt('nobody@test.example')];
    for (const { result } of [...wrong, ...unknown]) expect(result).toEqual({ ok: false, error: 'invalid_credentials' });
    const median = (runs: { ms: number }[]) => runs.map((run) => run.ms).sort((a, b) => a - b)[1]!;
    // Both spend an argon2 verification (tens of milliseconds); skipping it would answer 10-20 times faster.
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 5);
    expect(median(wrong)).toBeGreaterThan(median(unknown) / 5);
  });

  it('refuses the 11th attempt at one account from one address after 10 failures in 15 minutes, and says how long to wait', async () => {
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = await signIn({ email: account.email, password: `wrong ${attempt}`, ...request('198.51.100.11') });
      expect(result).toEqual({ ok: false, error: 'invalid_credentials' });
    }
    const eleventh = await signIn({ email: account.email, password: TEST_PASSWORD, ...request('198.51.100.11') });
    expect(eleventh).toMatchObject({ ok: false, error: 'throttled' });
    const wait = eleventh.ok || eleventh.error !== 'throttled' ? 0 : eleventh.retryAfterSeconds;
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The guesser's address is stopped; the account's owner at another address is not.
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request('198.51.100.12') })).toMatchObject({ ok: true });

    // Once the failures are older than 15 minutes, the right password works from there again.
    await db()
      .update(signInAttempts)
      .set({ createdAt: sql`now() - interval '16 minutes'` })
      .where(eq(signInAttempts.email, account.email));
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request('198.51.100.11') })).toMatchObject({ ok: true });
  });

  it('throttles one address trying many accounts, but not an account at an address it signed in from', async () => {
    const ip = '192.0.2.77';
    const colleague = await createTestAccount({ role: 'organizer', twoFactor: false });
    expect(await signIn({ email: colleague.email, password: TEST_PASSWORD, ...request(ip) })).toMatchObject({ ok: true });
    for (let attempt = 1; attempt <= 30; attempt++) {
      await signIn({ email: `guess-${attempt}@test.example`, password: 'guess', ...request(ip) });
    }
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request(ip) })).toMatchObject({ ok: false, error: 'throttled' });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request('192.0.2.78') })).toMatchObject({ ok: true });
    // A colleague behind the same address (one office, one NAT) is not locked out by the flood.
    expect(await signIn({ email: colleague.email, password: TEST_PASSWORD, ...request(ip) })).toMatchObject({ ok: true });
  });

  it('throttles guesses at one account spread over many addresses, except from an address the owner uses', async () => {
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request('203.0.113.200') })).toMatchObject({ ok: true });
    // Recorded as a botnet would leave them: 100 failures from 100 addresses within the hour.
    await db()
      .insert(signInAttempts)
      .values(Array.from({ length: 100 }, (_, n) => ({ email: account.email, ip: `10.66.${n >> 8}.${n & 255}`, succeeded: false })));
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request('203.0.113.201') })).toMatchObject({ ok: false, error: 'throttled' });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request('203.0.113.200') })).toMatchObject({ ok: true });
  });

  it('asks for the second factor when it is enabled, and refuses a wrong code', async () => {
    const account = await createTestAccount({ role: 'admin' });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request() })).toEqual({ ok: false, error: 'two_factor_required' });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, code: '000000', ...request() })).toMatchObject({ ok: false });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, code: currentCode(account.totpSecret!), ...request() })).toMatchObject({ ok: true });
  });

  it('refuses a TOTP code used a second time, and an older one after a newer', async () => {
    const account = await createTestAccount({ role: 'admin' });
    const code = currentCode(account.totpSecret!);
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, code, ...request() })).toMatchObject({ ok: true });
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, code, ...request() })).toEqual({ ok: false, error: 'invalid_code' });
    const next = totpCode(account.totpSecret!, totpStep() + 1);
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, code: next, ...request() })).toMatchObject({ ok: true });
    const previous = totpCode(account.totpSecret!, totpStep() - 1);
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, code: previous, ...request() })).toEqual({ ok: false, error: 'invalid_code' });
  });

  it('makes an admin without two-factor set it up before anything else', async () => {
    const account = await createTestAccount({ role: 'admin', twoFactor: false });
    const result = await signIn({ email: account.email, password: TEST_PASSWORD, ...request() });
    expect(result).toMatchObject({ ok: true });
    const session = await loadStaffSession(result.ok ? result.sessionId : undefined, '198.51.100.1');
    expect(session?.needsTwoFactorSetup).toBe(true);
    await expect(authorize(session, 'users.list')).rejects.toMatchObject({ reason: 'two_factor_setup' });
    await expect(authorize(session, 'account.enableTwoFactor')).resolves.toMatchObject({ userId: account.userId });
  });

  it('requires two-factor of anyone granted internal access, and of no one once an admin turns the setting off', async () => {
    const { session: admin } = await sessionForRole('admin');
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    const before = await openTestSession(account);
    expect(before.needsTwoFactorSetup).toBe(false);
    await setInternalAccess(admin, { userId: account.userId, internalAccess: 'on' });
    const granted = await openTestSession(account);
    expect(granted).toMatchObject({ internalAccess: true, twoFactorRequired: true, needsTwoFactorSetup: true });
    await expect(authorize(granted, 'console.view')).rejects.toMatchObject({ reason: 'two_factor_setup' });

    await updateSiteSettings(admin, { requireTwoFactor: '' });
    expect(await loadStaffSession(granted.sessionId, granted.ip)).toMatchObject({ needsTwoFactorSetup: false });
    await updateSiteSettings(admin, { requireTwoFactor: 'on' });
    expect(await loadStaffSession(granted.sessionId, granted.ip)).toMatchObject({ needsTwoFactorSetup: true });
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, account.userId));
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, ...request() })).toEqual({ ok: false, error: 'invalid_credentials' });
  });
});

describeEachEngine('session revocation', ({ db }) => {
  it('ends every session at its next request after "sign out everywhere"', async () => {
    const { account, session } = await sessionForRole('organizer');
    const other = await openTestSession(account);
    await signOutEverywhere(session, {});
    expect(await loadStaffSession(session.sessionId, session.ip)).toBeNull();
    expect(await loadStaffSession(other.sessionId, other.ip)).toBeNull();
    await expect(authorize(other, 'console.view')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('ends the other sessions when the password changes, keeping the one that changed it', async () => {
    const { account, session } = await sessionForRole('advocate');
    const other = await openTestSession(account);
    const result = await changePassword(session, {
      currentPassword: TEST_PASSWORD,
      password: 'a brand new password',
      passwordConfirmation: 'a brand new password',
    });
    expect(result).toEqual({ ok: true, value: { revokedSessions: 1 } });
    expect(await loadStaffSession(other.sessionId, other.ip)).toBeNull();
    expect(await loadStaffSession(session.sessionId, session.ip)).not.toBeNull();
    expect(await signIn({ email: account.email, password: TEST_PASSWORD, code: currentCode(account.totpSecret!), ...request() })).toMatchObject({ ok: false });
  });

  it('refuses a wrong current password with a field error and changes nothing', async () => {
    const { session } = await sessionForRole('advocate');
    const result = await changePassword(session, { currentPassword: 'wrong', password: 'a brand new password', passwordConfirmation: 'a brand new password' });
    expect(result).toEqual({ ok: false, fieldErrors: { currentPassword: 'currentPasswordWrong' } });
  });

  it('ends the sessions of an account whose role changes or that is disabled', async () => {
    const { session: admin } = await sessionForRole('admin');
    const { account: demoted, session: demotedSession } = await sessionForRole('organizer');
    await changeUserRole(admin, { userId: demoted.userId, role: 'advocate' });
    expect(await loadStaffSession(demotedSession.sessionId, demotedSession.ip)).toBeNull();
    const fresh = await openTestSession(demoted);
    expect(fresh.role).toBe('advocate');

    await disableUser(admin, { userId: demoted.userId });
    expect(await loadStaffSession(fresh.sessionId, fresh.ip)).toBeNull();
  });

  it('ends a session idle for 30 minutes, and any session after 12 hours', async () => {
    const { account, session } = await sessionForRole('advocate');
    await db().execute(sql`update staff_sessions set last_seen_at = now() - interval '31 minutes' where id = ${session.sessionId}`);
    expect(await loadStaffSession(session.sessionId, session.ip)).toBeNull();

    const busy = await openTestSession(account);
    await db().execute(sql`update staff_sessions set expires_at = now() - interval '1 second' where id = ${busy.sessionId}`);
    expect(await loadStaffSession(busy.sessionId, busy.ip)).toBeNull();
  });

  it('keeps an active session alive by recording its use', async () => {
    const { session } = await sessionForRole('advocate');
    await db().execute(sql`update staff_sessions set last_seen_at = now() - interval '20 minutes' where id = ${session.sessionId}`);
    expect(await loadStaffSession(session.sessionId, session.ip, { touch: true })).not.toBeNull();
    const rows = (await db().execute(sql`select last_seen_at > now() - interval '1 minute' as fresh from staff_sessions where id = ${session.sessionId}`)) as unknown as { rows: { fresh: boolean }[] };
    expect(rows.rows[0]?.fresh).toBe(true);
  });

  it('refuses a session id that was never issued', async () => {
    expect(await loadStaffSession('00000000-0000-4000-8000-000000000000', '1.2.3.4')).toBeNull();
    expect(await loadStaffSession('not-a-uuid', '1.2.3.4')).toBeNull();
  });
});

describeEachEngine('invitations', ({ db }) => {
  const link = { origin: 'https://vigil.test', locale: 'en' } as const;
  const tokenOf = (url: string) => url.split('/invite/')[1]!;

  it('lets the invited person set a password and two-factor once, then sign in', async () => {
    const { session: admin } = await sessionForRole('admin');
    const invited = await inviteUser(admin, { email: 'new.advocate@test.example', role: 'advocate', ...link });
    expect(invited.ok).toBe(true);
    const token = tokenOf(invited.ok ? invited.value.link : '');
    const stored = await db().select().from(invitations).where(eq(invitations.userId, invited.ok ? invited.value.userId : ''));
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const open = await getOpenInvitation(token);
    expect(open).toMatchObject({ email: 'new.advocate@test.example', role: 'advocate', twoFactorRequired: false });
    const accepted = await acceptInvitation(
      { token, password: 'my own long password', passwordConfirmation: 'my own long password', enrollment: open!.enrollment, totpCode: currentCode(open!.totpSecret) },
      '198.51.100.5',
    );
    expect(accepted).toMatchObject({ ok: true, value: { email: 'new.advocate@test.example' } });
    expect(accepted.ok && accepted.value.recoveryCodes).toHaveLength(10);

    // Used once: the link is dead now.
    expect(await getOpenInvitation(token)).toBeNull();
    const again = await acceptInvitation(
      { token, password: 'another long password', passwordConfirmation: 'another long password', enrollment: open!.enrollment, totpCode: '' },
      '198.51.100.5',
    );
    expect(again).toEqual({ ok: false, fieldErrors: { token: 'invitationInvalid' } });

    const code = totpCode(open!.totpSecret, totpStep() + 1);
    expect(await signIn({ email: 'new.advocate@test.example', password: 'my own long password', code, ...request() })).toMatchObject({ ok: true });
    // A recovery code works once.
    const recovery = accepted.ok ? accepted.value.recoveryCodes![0]! : '';
    expect(await signIn({ email: 'new.advocate@test.example', password: 'my own long password', code: recovery, ...request() })).toMatchObject({ ok: true });
    expect(await signIn({ email: 'new.advocate@test.example', password: 'my own long password', code: recovery, ...request() })).toEqual({ ok: false, error: 'invalid_code' });
  });

  it('refuses a forged token', async () => {
    const forged = 'A'.repeat(43);
    expect(await getOpenInvitation(forged)).toBeNull();
    expect(
      await acceptInvitation({ token: forged, password: 'my own long password', passwordConfirmation: 'my own long password', enrollment: '', totpCode: '' }, '1.2.3.4'),
    ).toEqual({ ok: false, fieldErrors: { token: 'invitationInvalid' } });
  });

  it('refuses an expired invitation', async () => {
    const { session: admin } = await sessionForRole('admin');
    const invited = await inviteUser(admin, { email: 'late@test.example', role: 'organizer', ...link });
    const token = tokenOf(invited.ok ? invited.value.link : '');
    await db()
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.userId, invited.ok ? invited.value.userId : ''));
    expect(await getOpenInvitation(token)).toBeNull();
    const result = await acceptInvitation(
      { token, password: 'my own long password', passwordConfirmation: 'my own long password', enrollment: '', totpCode: '' },
      '1.2.3.4',
    );
    expect(result).toEqual({ ok: false, fieldErrors: { token: 'invitationInvalid' } });
    const [user] = await db().select().from(users).where(eq(users.email, 'late@test.example'));
    expect(user?.passwordHash).toBeNull();
  });

  it('expires 72 hours after it was sent', async () => {
    const { session: admin } = await sessionForRole('admin');
    const invited = await inviteUser(admin, { email: 'timely@test.example', role: 'advocate', ...link });
    const hours = invited.ok ? (new Date(invited.value.expiresAt).getTime() - Date.now()) / 3_600_000 : 0;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
  });

  it('requires two-factor for an invited admin, and replaces the link when inviting again', async () => {
    const { session: admin } = await sessionForRole('admin');
    const first = await inviteUser(admin, { email: 'next.admin@test.example', role: 'admin', ...link });
    const second = await inviteUser(admin, { email: 'next.admin@test.example', role: 'admin', ...link });
    const oldToken = tokenOf(first.ok ? first.value.link : '');
    const token = tokenOf(second.ok ? second.value.link : '');
    expect(await getOpenInvitation(oldToken)).toBeNull();
    const open = await getOpenInvitation(token);
    expect(open?.twoFactorRequired).toBe(true);
    const withoutCode = await acceptInvitation(
      { token, password: 'my own long password', passwordConfirmation: 'my own long password', enrollment: open!.enrollment, totpCode: '' },
      '1.2.3.4',
    );
    expect(withoutCode).toEqual({ ok: false, fieldErrors: { totpCode: 'twoFactorRequired' } });
    // Nothing was used up: the same link still works.
    expect(await getOpenInvitation(token)).not.toBeNull();
  });

  it('does not invite an address that already has an account', async () => {
    const { session: admin } = await sessionForRole('admin');
    const existing = await createTestAccount({ role: 'advocate' });
    expect(await inviteUser(admin, { email: existing.email, role: 'admin', ...link })).toEqual({ ok: false, fieldErrors: { email: 'emailTaken' } });
  });
});

/** The next-auth glue: what the Credentials provider answers, what the cookie carries, and sign-out. */
import type { JWT } from 'next-auth/jwt';
import { expect, it } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { authOptions } from './auth-options';
import { loadStaffSession } from './staff-session';
import { createTestAccount, currentCode, TEST_PASSWORD } from './test-fixtures';

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<{ id: string; sessionId?: string }>;

const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
/** As server.ts hands a request on: the address it decided, whatever the client claimed in X-Forwarded-For. */
const authorize = (credentials: Record<string, string>, ip: string, claimed = '10.9.9.9') =>
  provider.options.authorize(credentials, { headers: { [CLIENT_ADDRESS_HEADER]: ip, 'x-forwarded-for': claimed, 'user-agent': 'vitest' } });

describeEachEngine('next-auth configuration', () => {
  it('opens a staff session from the right credentials and puts only its id in the cookie', async () => {
    const account = await createTestAccount({ role: 'organizer' });
    const user = await authorize({ email: account.email, password: TEST_PASSWORD, code: currentCode(account.totpSecret!) }, '203.0.113.50');
    expect(user.id).toBe(account.userId);
    const session = await loadStaffSession(user.sessionId, 'test');
    expect(session).toMatchObject({ userId: account.userId, role: 'organizer' });

    const token = (await authOptions.callbacks!.jwt!({ token: { sub: account.userId, email: account.email, name: 'x' }, user: user as never } as never)) as JWT;
    expect(token).toEqual({ sub: account.userId, sid: user.sessionId });
    const exposed = await authOptions.callbacks!.session!({ session: { expires: '2099-01-01T00:00:00Z' }, token } as never);
    expect(exposed).toEqual({ expires: '2099-01-01T00:00:00Z', sid: user.sessionId });

    // Signing out ends the session in the database, not just the cookie.
    await authOptions.events!.signOut!({ token, session: null } as never);
    expect(await loadStaffSession(user.sessionId, 'test')).toBeNull();
  });

  it('turns refusals into the codes the sign-in form understands, throttling by the address server.ts decided', async () => {
    const account = await createTestAccount({ role: 'advocate', twoFactor: false });
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(authorize({ email: account.email, password: 'wrong' }, '203.0.113.51')).rejects.toThrow('invalid_credentials');
    }
    await expect(authorize({ email: account.email, password: TEST_PASSWORD }, '203.0.113.51')).rejects.toThrow(/^throttled:\d+$/);
    // Claiming another address in X-Forwarded-For does not escape the throttle; a different real address does.
    await expect(authorize({ email: account.email, password: TEST_PASSWORD }, '203.0.113.51', '192.0.2.200')).rejects.toThrow(/^throttled:/);
    await expect(authorize({ email: account.email, password: TEST_PASSWORD }, '203.0.113.52')).resolves.toMatchObject({ id: account.userId });
  });

  it('asks for the second factor with its own code', async () => {
    const account = await createTestAccount({ role: 'admin' });
    await expect(authorize({ email: account.email, password: TEST_PASSWORD }, '203.0.113.53')).rejects.toThrow('two_factor_required');
  });
});

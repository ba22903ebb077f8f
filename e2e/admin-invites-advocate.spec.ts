import { expect, test } from '@playwright/test';
import { totpCode, totpStep } from '../lib/auth/totp';
import { watchForCspViolations } from './support/csp';
import { E2E_ADMIN, accountKey, rememberTotpStep, signIn } from './support/staff-accounts';

test('an admin invites an advocate, who sets a password and two-factor, signs in and sees only the advocate console', async ({ browser }) => {
  const advocateEmail = `advocate.${Date.now()}@vigil.test`;
  const advocatePassword = 'the advocate chose this long password';

  // The admin signs in with password and authenticator code, and invites the advocate.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminCspViolations = watchForCspViolations(admin);
  await signIn(admin, E2E_ADMIN);
  await expect(admin.getByRole('heading', { level: 1, name: 'Admin console' })).toBeVisible();
  await admin.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Users' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const inviteForm = admin.getByRole('region', { name: 'Invite someone' });
  await inviteForm.getByLabel('Email').fill(advocateEmail);
  await inviteForm.getByLabel('Role').selectOption('advocate');
  await inviteForm.getByRole('button', { name: 'Create invitation' }).click();
  const link = admin.getByTestId('invitation-link');
  await expect(link).toBeVisible();
  const invitationUrl = new URL((await link.textContent())!.trim());
  expect(invitationUrl.pathname).toMatch(/^\/invite\/[A-Za-z0-9_-]{40,}$/);
  await expect(admin.getByTestId(`user-${advocateEmail}`)).toContainText('Invited');
  await admin.getByRole('button', { name: 'Sign out' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
  expect(adminCspViolations).toEqual([]);
  await adminContext.close();

  // The advocate opens the link in their own browser, chooses a password and enrols an authenticator.
  const advocateContext = await browser.newContext();
  const advocate = await advocateContext.newPage();
  const advocateCspViolations = watchForCspViolations(advocate);
  await advocate.goto(invitationUrl.pathname);
  await expect(advocate.getByRole('heading', { level: 1, name: 'Welcome to Vigil' })).toBeVisible();
  await expect(advocate.getByText(advocateEmail)).toBeVisible();
  await expect(advocate.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await advocate.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await advocate.getByLabel('New password', { exact: true }).fill(advocatePassword);
  await advocate.getByLabel('New password again').fill(advocatePassword);
  const enrolmentStep = totpStep();
  await advocate.getByLabel('Six-digit code from the app').fill(totpCode(secret, enrolmentStep));
  await advocate.getByRole('button', { name: 'Create my account' }).click();
  await expect(advocate.getByText('Your account is ready')).toBeVisible();
  await expect(advocate.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);

  // The link works once.
  await advocate.goto(invitationUrl.pathname);
  await expect(advocate.getByRole('heading', { level: 1, name: 'This invitation link does not work' })).toBeVisible();

  // Signing in needs a code from a later time step than the one used to enrol.
  rememberTotpStep(accountKey(advocate, advocateEmail), enrolmentStep);
  await signIn(advocate, { email: advocateEmail, password: advocatePassword, totpSecret: secret });
  await expect(advocate.getByRole('heading', { level: 1, name: 'Advocate console' })).toBeVisible();
  const navigation = advocate.getByRole('navigation', { name: 'Staff sections' });
  await expect(navigation.getByRole('link', { name: 'Your account' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  // Going to user management directly is refused, and no invitation form is shown.
  await advocate.goto('/admin/users');
  await expect(advocate.getByRole('heading', { level: 1, name: 'Not available to your account' })).toBeVisible();
  await expect(advocate.getByRole('button', { name: 'Create invitation' })).toHaveCount(0);
  await expect(advocate.getByText(E2E_ADMIN.email)).toHaveCount(0);
  expect(advocateCspViolations).toEqual([]);
  await advocateContext.close();
});

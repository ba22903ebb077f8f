'use server';

import { getLocale } from 'next-intl/server';
import { changePassword } from '@/lib/account/change-password';
import { enableTwoFactor } from '@/lib/account/enable-two-factor';
import { regenerateRecoveryCodes } from '@/lib/account/regenerate-recovery-codes';
import { signOutEverywhere } from '@/lib/account/sign-out-everywhere';
import { redirect } from '@/lib/i18n/navigation';
import { toAction } from '@/lib/operations/adapters';
import type { ActionState } from '@/lib/operations/result';

export const changePasswordAction = toAction(changePassword);
export const enableTwoFactorAction = toAction(enableTwoFactor);
export const regenerateRecoveryCodesAction = toAction(regenerateRecoveryCodes);

const signOutEverywhereOnly = toAction(signOutEverywhere);

/** This session ends too, so success goes on to the sign-in page. */
export async function signOutEverywhereAction(previous: ActionState<unknown>, formData: FormData) {
  const result = await signOutEverywhereOnly(previous, formData);
  if (!result.ok) return result;
  return redirect({ href: '/login?expired=1', locale: await getLocale() });
}

'use server';

import { z } from 'zod';
import { changePassword } from '@/lib/account/change-password';
import { enableTwoFactor } from '@/lib/account/enable-two-factor';
import { regenerateRecoveryCodes } from '@/lib/account/regenerate-recovery-codes';
import { signOutEverywhere } from '@/lib/account/sign-out-everywhere';
import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import { changePasswordSchema, enableTwoFactorSchema, regenerateRecoveryCodesSchema } from '@/lib/auth/schemas';
import { redirect } from '@/lib/i18n/navigation';

const changePasswordHandler = staffAction(changePasswordSchema, changePassword);
const enableTwoFactorHandler = staffAction(enableTwoFactorSchema, enableTwoFactor);
const regenerateHandler = staffAction(regenerateRecoveryCodesSchema, regenerateRecoveryCodes);
const signOutEverywhereHandler = staffAction(z.object({ locale: z.string().max(5).default('en') }), (session) => signOutEverywhere(session));

export async function changePasswordAction(state: ActionState<{ revokedSessions: number }>, formData: FormData) {
  return changePasswordHandler(state, formData);
}

export async function enableTwoFactorAction(state: ActionState<{ recoveryCodes: string[] }>, formData: FormData) {
  return enableTwoFactorHandler(state, formData);
}

export async function regenerateRecoveryCodesAction(state: ActionState<{ recoveryCodes: string[] }>, formData: FormData) {
  return regenerateHandler(state, formData);
}

export async function signOutEverywhereAction(state: ActionState<{ revokedSessions: number }>, formData: FormData) {
  const result = await signOutEverywhereHandler(state, formData);
  if (!result.ok) return result;
  const locale = formData.get('locale') === 'ko' ? 'ko' : 'en';
  return redirect({ href: '/login?expired=1', locale });
}

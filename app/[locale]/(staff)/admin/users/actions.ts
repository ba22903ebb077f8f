'use server';

import { getLocale } from 'next-intl/server';
import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import { siteOrigin } from '@/lib/auth/request-origin';
import { changeUserRole } from '@/lib/users/change-user-role';
import { disableUser } from '@/lib/users/disable-user';
import { enableUser } from '@/lib/users/enable-user';
import { type Invitation, inviteUser } from '@/lib/users/invite-user';
import { resetTwoFactor } from '@/lib/users/reset-two-factor';
import { changeUserRoleSchema, inviteUserSchema, setInternalAccessSchema, userIdSchema } from '@/lib/users/schemas';
import { setInternalAccess } from '@/lib/users/set-internal-access';

type Changed = ActionState<{ userId: string }>;

const inviteHandler = staffAction(inviteUserSchema, async (session, input) =>
  inviteUser(session, input, { origin: await siteOrigin(), locale: await getLocale() }),
);
const changeRoleHandler = staffAction(changeUserRoleSchema, changeUserRole);
const setInternalAccessHandler = staffAction(setInternalAccessSchema, setInternalAccess);
const disableHandler = staffAction(userIdSchema, disableUser);
const enableHandler = staffAction(userIdSchema, enableUser);
const resetTwoFactorHandler = staffAction(userIdSchema, resetTwoFactor);

export async function inviteUserAction(state: ActionState<Invitation>, formData: FormData) {
  return inviteHandler(state, formData);
}
export async function changeUserRoleAction(state: Changed, formData: FormData) {
  return changeRoleHandler(state, formData);
}
export async function setInternalAccessAction(state: Changed, formData: FormData) {
  return setInternalAccessHandler(state, formData);
}
export async function disableUserAction(state: Changed, formData: FormData) {
  return disableHandler(state, formData);
}
export async function enableUserAction(state: Changed, formData: FormData) {
  return enableHandler(state, formData);
}
export async function resetTwoFactorAction(state: Changed, formData: FormData) {
  return resetTwoFactorHandler(state, formData);
}

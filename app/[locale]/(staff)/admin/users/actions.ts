'use server';

import { getLocale } from 'next-intl/server';
import { siteOrigin } from '@/lib/auth/request-origin';
import { toAction } from '@/lib/operations/adapters';
import { changeUserRole } from '@/lib/users/change-user-role';
import { disableUser } from '@/lib/users/disable-user';
import { enableUser } from '@/lib/users/enable-user';
import { inviteUser } from '@/lib/users/invite-user';
import { resetTwoFactor } from '@/lib/users/reset-two-factor';
import { setInternalAccess } from '@/lib/users/set-internal-access';

// The invitation link points at this site, in the language the admin is using.
export const inviteUserAction = toAction(inviteUser, { serverInput: async () => ({ origin: await siteOrigin(), locale: await getLocale() }) });
export const changeUserRoleAction = toAction(changeUserRole);
export const setInternalAccessAction = toAction(setInternalAccess);
export const disableUserAction = toAction(disableUser);
export const enableUserAction = toAction(enableUser);
export const resetTwoFactorAction = toAction(resetTwoFactor);

/** User management's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { changeUserRole } from './change-user-role';
import { disableUser } from './disable-user';
import { enableUser } from './enable-user';
import { inviteUser } from './invite-user';
import { listUsers } from './list-users';
import { resetTwoFactor } from './reset-two-factor';
import { setInternalAccess } from './set-internal-access';

export const userOperations: readonly DefinedOperation[] = [listUsers, inviteUser, changeUserRole, setInternalAccess, disableUser, enableUser, resetTwoFactor];

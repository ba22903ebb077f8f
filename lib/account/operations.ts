/** One's own account's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { changePassword } from './change-password';
import { enableTwoFactor } from './enable-two-factor';
import { getAccount } from './get-account';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes';
import { signOutEverywhere } from './sign-out-everywhere';

export const accountOperations: readonly DefinedOperation[] = [getAccount, changePassword, enableTwoFactor, regenerateRecoveryCodes, signOutEverywhere];

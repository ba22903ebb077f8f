/**
 * The shape of an authorization-matrix scenario (lib/auth/authorization-matrix.test.ts): how to call
 * one staff operation so that an allowed caller succeeds. Each domain exports its scenarios from
 * lib/<domain>/authorization-scenarios.ts; the matrix runs them for every kind of caller.
 */
import type { Operation } from './permissions';
import type { StaffSession } from './staff-session';
import type { TestAccount } from './test-fixtures';

export interface Caller {
  session: StaffSession | null;
  account: TestAccount | null;
}

export interface Scenario {
  /** The caller's account has two-factor sign-in set up (default true). */
  callerTwoFactor?: boolean;
  /** Creates what the call acts on (an account, a case…) and returns its id, before the database is compared. */
  prepare?: () => Promise<string>;
  /**
   * The input of a call the registry's operation accepts from an allowed caller (the matrix calls the
   * registry: lib/operations/registry.ts). An allowed caller must get `{ ok: true }`, a refused one a
   * ForbiddenError.
   */
  input(caller: Caller, targetId: string): unknown;
}

export type AuthorizationScenarios = Partial<Record<Operation, Scenario>>;

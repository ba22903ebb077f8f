/**
 * The shape of an authorization-matrix scenario (lib/auth/authorization-matrix.test.ts): how to call
 * one staff operation so that an allowed caller succeeds, and how to show who receives a withheld
 * field. Each domain exports its scenarios and fieldScenarios from lib/<domain>/authorization-scenarios.ts;
 * the matrix runs them for every kind of caller.
 */
import type { Operation, Permission } from './permissions';
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

/**
 * Who receives a withheld field (FIELD_PERMISSIONS, or an operation that also guards fields inside
 * other reads, like 'sources.readConfidential'). The matrix plants values, then performs each read as
 * every kind of caller: one the permission allows finds every value the read `shows`; anyone else finds
 * nothing that contains the marker (a caller the read itself refuses gets a ForbiddenError).
 */
export interface FieldScenario {
  /** Writes the records holding the withheld values, each of which contains `marker`. */
  prepare(): Promise<{ target: string; marker: string }>;
  /** The reads that carry the field, and the planted values an allowed caller finds in each answer. */
  reads(target: string, marker: string): { operation: Operation; input: unknown; shows: string[] }[];
}

export type FieldScenarios = Partial<Record<Permission, FieldScenario>>;

/**
 * Who may do what: the one table of staff operations and the roles allowed each, and `authorize`,
 * the guard every staff read and write in lib/ calls before touching the database. A new operation is
 * added here first; lib/auth/authorization-matrix.test.ts fails until it has a rule and a test.
 * Below it, the fields inside those operations' answers that need more than the operation does.
 */
import type { StaffRole } from './roles';

export interface OperationRule {
  /** Roles that may perform the operation. */
  roles: readonly StaffRole[];
  /** Roles that may perform it only when the account also holds "internal access". */
  internalAccessRequiredFor?: readonly StaffRole[];
  /** Still allowed while the account must first set up two-factor sign-in. */
  allowedBeforeTwoFactorSetup?: boolean;
}

const everyone = ['admin', 'organizer', 'advocate'] as const satisfies readonly StaffRole[];
const adminOnly = ['admin'] as const satisfies readonly StaffRole[];
const caseWriters = ['admin', 'advocate'] as const satisfies readonly StaffRole[];
// Organizers read case files only with internal access; confidential sources, legal names, internal notes and
// dossiers need it for everyone but admins (FIELD_PERMISSIONS below).
const caseReaders = { roles: everyone, internalAccessRequiredFor: ['organizer'] } as const satisfies OperationRule;
const internalOnly = { roles: everyone, internalAccessRequiredFor: ['advocate', 'organizer'] } as const satisfies OperationRule;

// Letters, templates and the target directory belong to organizers (and admins).
const organizers = ['admin', 'organizer'] as const satisfies readonly StaffRole[];

export const OPERATIONS = {
  'console.view': { roles: everyone },
  'account.read': { roles: everyone, allowedBeforeTwoFactorSetup: true },
  'account.changePassword': { roles: everyone },
  'account.enableTwoFactor': { roles: everyone, allowedBeforeTwoFactorSetup: true },
  'account.regenerateRecoveryCodes': { roles: everyone },
  'account.signOutEverywhere': { roles: everyone, allowedBeforeTwoFactorSetup: true },
  'users.list': { roles: adminOnly },
  'users.invite': { roles: adminOnly },
  'users.changeRole': { roles: adminOnly },
  'users.setInternalAccess': { roles: adminOnly },
  'users.disable': { roles: adminOnly },
  'users.enable': { roles: adminOnly },
  'users.resetTwoFactor': { roles: adminOnly },
  'audit.read': { roles: adminOnly },
  'settings.read': { roles: adminOnly },
  'settings.update': { roles: adminOnly },
  'settings.readCaseRules': { roles: adminOnly },
  'settings.updateCaseRules': { roles: adminOnly },
  'cases.list': caseReaders,
  'cases.read': caseReaders,
  'cases.readHistory': caseReaders,
  'cases.create': { roles: caseWriters },
  'cases.update': { roles: caseWriters },
  'cases.requestPublication': { roles: caseWriters },
  'cases.approvePublication': { roles: caseWriters },
  'cases.withdrawPublication': { roles: caseWriters },
  'cases.rejectPublication': { roles: caseWriters },
  'cases.reviewUrgentPublication': { roles: caseWriters },
  'publications.list': caseReaders,
  'publications.read': caseReaders,
  'publications.preview': caseReaders,
  'cases.exportDossier': internalOnly,
  'people.create': { roles: caseWriters },
  'people.update': { roles: caseWriters },
  'events.create': { roles: caseWriters },
  'events.update': { roles: caseWriters },
  'events.correct': { roles: caseWriters },
  'events.retract': { roles: caseWriters },
  'sources.list': caseReaders,
  'sources.readConfidential': internalOnly,
  'sources.update': { roles: caseWriters },
  'targets.list': { roles: organizers },
  'targets.create': { roles: organizers },
  'targets.update': { roles: organizers },
  'targets.import': { roles: organizers },
  'targets.export': { roles: organizers },
  'templates.list': { roles: organizers },
  'templates.create': { roles: organizers },
  'templates.update': { roles: organizers },
  'letters.list': { roles: organizers },
  'letters.generate': { roles: organizers },
  'letters.download': { roles: organizers },
  'letters.track': { roles: organizers },
  'petitions.list': { roles: organizers },
  'petitions.read': { roles: organizers },
  'petitions.create': { roles: organizers },
  'petitions.update': { roles: organizers },
  'petitions.requestPublication': { roles: organizers },
  'petitions.close': { roles: organizers },
  'signatures.release': { roles: organizers },
  'petitions.readActivity': { roles: organizers },
  'petitions.startEvent': { roles: organizers },
  'petitions.endEvent': { roles: organizers },
  'petitions.markDelivered': { roles: organizers },
  'petitions.pauseAll': { roles: organizers },
  'petitions.rallyKit': { roles: organizers },
  'signatures.export': { roles: organizers },
  'signatures.invalidate': { roles: organizers },
  'signatures.restore': { roles: organizers },
  'blocklists.read': { roles: organizers },
  'blocklists.add': { roles: organizers },
  'blocklists.remove': { roles: organizers },
} as const satisfies Record<string, OperationRule>;

export type Operation = keyof typeof OPERATIONS;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as Operation[];

/**
 * Fields withheld inside staff reads (the case file, its history, the source list) from callers who may
 * perform the read but not see them: the reads ask `can()` and leave the column out of the query, and
 * staff saves keep the stored value. These are not operations of their own, so the registry has none;
 * the authorization matrix checks what each kind of caller receives (fieldScenarios in
 * lib/<domain>/authorization-scenarios.ts). A confidential source's identity (name, link, notes,
 * origin) is 'sources.readConfidential' above, which is also the operation that shows one source whole.
 */
export const FIELD_PERMISSIONS = {
  /** A person's legal name, in the case file and in every saved version of the person. */
  'people.readLegalName': internalOnly,
  /** The internal notes of a case, a person and an event, and the internal note of a correction or retraction. */
  'cases.readInternalNotes': internalOnly,
} as const satisfies Record<string, OperationRule>;

export type FieldPermission = keyof typeof FIELD_PERMISSIONS;
export const FIELD_PERMISSION_NAMES = Object.keys(FIELD_PERMISSIONS) as FieldPermission[];
/** An operation, or the reading of withheld fields: what `can` answers for. */
export type Permission = Operation | FieldPermission;

export function ruleOf(permission: Permission): OperationRule {
  return permission in FIELD_PERMISSIONS ? FIELD_PERMISSIONS[permission as FieldPermission] : OPERATIONS[permission as Operation];
}

export type RefusalReason = 'unauthenticated' | 'role' | 'internal_access' | 'two_factor_setup';

/** Thrown by `authorize`; server actions turn it into a "not allowed" message, route handlers into 401/403. */
export class ForbiddenError extends Error {
  constructor(
    readonly operation: Operation,
    readonly reason: RefusalReason,
  ) {
    super(`Not allowed: ${operation} (${reason})`);
    this.name = 'ForbiddenError';
  }
}

/** The facts about a signed-in account that the rules look at. */
export interface Grantee {
  role: StaffRole;
  internalAccess: boolean;
  needsTwoFactorSetup: boolean;
}

/** Why `grantee` may not perform `operation`, or null when it may. Pure: pages use it to shape navigation. */
export function refusalReason(grantee: Grantee | null, operation: Permission): RefusalReason | null {
  if (!grantee) return 'unauthenticated';
  const rule = ruleOf(operation);
  if (!rule.roles.includes(grantee.role)) return 'role';
  if (rule.internalAccessRequiredFor?.includes(grantee.role) && !grantee.internalAccess) return 'internal_access';
  if (grantee.needsTwoFactorSetup && !rule.allowedBeforeTwoFactorSetup) return 'two_factor_setup';
  return null;
}

export function can(grantee: Grantee | null, operation: Permission): boolean {
  return refusalReason(grantee, operation) === null;
}

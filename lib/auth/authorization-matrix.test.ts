/**
 * Every staff operation × every kind of caller: allowed, or refused with ForbiddenError and nothing
 * changed in the database. The operations come from the registry (lib/operations/registry.ts), which
 * must declare every operation of the permission table exactly once; a registered operation without a
 * scenario fails. `authorize` is called by defineOperation alone, so no path escapes the registry.
 * Then every withheld field (FIELD_PERMISSIONS) × every kind of caller: received, or never received.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, getDb } from '@/db/client';
import { describeEachEngine } from '@/db/testing';
import {
  FIELD_PERMISSION_NAMES,
  ForbiddenError,
  type Operation,
  OPERATION_NAMES,
  type Permission,
  ruleOf,
} from './permissions';
import type { StaffRole } from './roles';
import { OPERATION_REGISTRY } from '@/lib/operations/registry';
import type { AuthorizationScenarios, Caller, FieldScenarios, Scenario } from './authorization-scenario';
import { createTestAccount, openTestSession } from './test-fixtures';


// Each domain keeps the scenarios of its own operations beside its code, in authorization-scenarios.ts.
const domainScenarios = import.meta.glob<{ scenarios: AuthorizationScenarios; fieldScenarios?: FieldScenarios }>('../*/authorization-scenarios.ts', { eager: true });
const scenarios: AuthorizationScenarios = Object.assign({}, ...Object.values(domainScenarios).map((module) => module.scenarios));
const fieldScenarios: FieldScenarios = Object.assign({}, ...Object.values(domainScenarios).map((module) => module.fieldScenarios ?? {}));

// The operations the registry declares, by name: the matrix calls them through it.
const declared = new Map(OPERATION_REGISTRY.map((operation) => [operation.operation, operation]));

type InternalCaller = 'organizer with internal access' | 'advocate with internal access';
type CallerKind = 'anonymous' | StaffRole | InternalCaller | 'admin without two-factor' | 'revoked admin';
const CALLERS: CallerKind[] = [
  'anonymous',
  'admin',
  'organizer',
  'advocate',
  'organizer with internal access',
  'advocate with internal access',
  'admin without two-factor',
  'revoked admin',
];
const INTERNAL_CALLERS: Record<InternalCaller, StaffRole> = {
  'organizer with internal access': 'organizer',
  'advocate with internal access': 'advocate',
};

function expectedAllowed(kind: CallerKind, operation: Permission, scenario: Pick<Scenario, 'callerTwoFactor'>): boolean {
  const rule = ruleOf(operation);
  if (kind === 'anonymous' || kind === 'revoked admin') return false;
  if (kind === 'admin without two-factor') return rule.roles.includes('admin') && rule.allowedBeforeTwoFactorSetup === true;
  // A scenario whose caller has no second factor: admins are then limited to setting it up.
  if (kind === 'admin' && scenario.callerTwoFactor === false) return rule.roles.includes('admin') && rule.allowedBeforeTwoFactorSetup === true;
  const internal = kind in INTERNAL_CALLERS;
  const role = internal ? INTERNAL_CALLERS[kind as InternalCaller] : (kind as StaffRole);
  const needsInternalAccess = rule.internalAccessRequiredFor?.includes(role) ?? false;
  return rule.roles.includes(role) && (internal || !needsInternalAccess);
}

async function makeCaller(kind: CallerKind, scenario: Pick<Scenario, 'callerTwoFactor'>): Promise<Caller> {
  if (kind === 'anonymous') return { session: null, account: null };
  const internalAccess = kind in INTERNAL_CALLERS;
  const role: StaffRole =
    kind === 'admin without two-factor' || kind === 'revoked admin' ? 'admin' : internalAccess ? INTERNAL_CALLERS[kind as InternalCaller] : (kind as StaffRole);
  const twoFactor = kind === 'admin without two-factor' ? false : (scenario.callerTwoFactor ?? true);
  const account = await createTestAccount({ role, twoFactor, internalAccess });
  const session = await openTestSession(account);
  if (kind === 'revoked admin') {
    await (await getDb()).execute(sql`update staff_sessions set revoked_at = now() where id = ${session.sessionId}`);
  }
  return { session, account };
}

let tableNames: string[] | undefined;

/** A digest of every row of every table, so a refused call can be shown to have changed nothing anywhere. */
async function snapshot(db: Database): Promise<string> {
  if (!tableNames) {
    const tables = (await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )) as unknown as { rows: { table_name: string }[] };
    tableNames = tables.rows.map((row) => row.table_name);
  }
  // One round trip: each table's rows, as text in a fixed order, hashed by the database.
  const digests = sql.join(
    tableNames.map(
      (table) => sql`select ${table} as name, md5(coalesce(string_agg(snapshot_row::text, '|' order by snapshot_row::text), '')) as digest from ${sql.identifier(table)} snapshot_row`,
    ),
    sql` union all `,
  );
  const result = (await db.execute(digests)) as unknown as { rows: { name: string; digest: string }[] };
  return JSON.stringify(result.rows);
}

describe('the permission table', () => {
  it('follows the issue: admins may do everything; users, audit and settings are theirs alone', () => {
    for (const operation of [...OPERATION_NAMES, ...FIELD_PERMISSION_NAMES]) {
      const roles: readonly StaffRole[] = ruleOf(operation).roles;
      expect(roles, operation).toContain('admin');
      if (/^(users|audit|settings)\./.test(operation)) expect(roles, operation).toEqual(['admin']);
    }
  });

  it('has a matrix scenario for every operation', () => {
    const missing = OPERATION_NAMES.filter((operation) => !scenarios[operation]);
    expect(missing, 'operations without a scenario (add them to lib/<domain>/authorization-scenarios.ts)').toEqual([]);
    expect(Object.keys(scenarios).filter((operation) => !OPERATION_NAMES.includes(operation as Operation))).toEqual([]);
  });

  it('has a field scenario for every withheld field', () => {
    const missing = FIELD_PERMISSION_NAMES.filter((permission) => !fieldScenarios[permission]);
    expect(missing, 'field permissions without a scenario (add them to fieldScenarios in lib/<domain>/authorization-scenarios.ts)').toEqual([]);
    const known: string[] = [...OPERATION_NAMES, ...FIELD_PERMISSION_NAMES];
    expect(Object.keys(fieldScenarios).filter((permission) => !known.includes(permission))).toEqual([]);
  });

  it('is enforced only through the registry: defineOperation is the one caller of authorize', () => {
    const root = path.resolve(__dirname, '../..');
    const callers: string[] = [];
    for (const folder of ['lib', 'app', 'components']) {
      const files = fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
      for (const file of files) {
        const text = fs.readFileSync(path.join(root, folder, file), 'utf8');
        // next-auth's credentials provider has a method of the same name (`async authorize(credentials`).
        if (/(?<![\w.])authorize\((?!credentials)/.test(text.replace(/export async function authorize\(/, ''))) callers.push(path.join(folder, file));
      }
    }
    expect(callers).toEqual([path.join('lib', 'operations', 'define-operation.ts')]);
  });
});

function perform(operation: Operation, scenario: Scenario, caller: Caller, target: string): Promise<unknown> {
  const registered = declared.get(operation);
  if (!registered) throw new Error(`${operation} is not in the registry`);
  return registered.fromUntrusted(caller.session, scenario.input(caller, target));
}

describe('the operation registry', () => {
  it('declares every operation of the permission table exactly once', () => {
    const names = OPERATION_REGISTRY.map((operation) => operation.operation);
    expect(names.filter((name, index) => names.indexOf(name) !== index), 'declared twice').toEqual([]);
    expect([...names].sort()).toEqual([...OPERATION_NAMES].sort());
  });
});

describeEachEngine('authorization matrix', ({ db }) => {
  // The registry's operations: "declares every operation of the permission table" above ties them to the table.
  for (const operation of OPERATION_REGISTRY.map((declaredOperation) => declaredOperation.operation)) {
    const scenario = scenarios[operation];
    // A missing scenario fails "has a matrix scenario for every operation" above.
    if (!scenario) continue;
    for (const kind of CALLERS) {
      const allowed = expectedAllowed(kind, operation, scenario);
      it(`${operation} × ${kind} → ${allowed ? 'allowed' : 'refused'}`, async () => {
        const caller = await makeCaller(kind, scenario);
        const target = (await scenario.prepare?.()) ?? '';
        if (allowed) {
          const result = await perform(operation, scenario, caller, target);
          if (result && typeof result === 'object' && 'ok' in result) expect(result).toMatchObject({ ok: true });
        } else {
          const before = await snapshot(db());
          await expect(perform(operation, scenario, caller, target)).rejects.toBeInstanceOf(ForbiddenError);
          expect(await snapshot(db())).toBe(before);
        }
      });
    }
  }
});

describeEachEngine('withheld fields matrix', () => {
  for (const [permission, scenario] of Object.entries(fieldScenarios) as [Permission, NonNullable<FieldScenarios[Permission]>][]) {
    for (const kind of CALLERS) {
      const allowed = expectedAllowed(kind, permission, {});
      it(`${permission} × ${kind} → ${allowed ? 'received' : 'withheld'}`, async () => {
        const caller = await makeCaller(kind, {});
        const { target, marker } = await scenario.prepare();
        for (const read of scenario.reads(target, marker)) {
          const perform = declared.get(read.operation)!.fromUntrusted(caller.session, read.input);
          if (!expectedAllowed(kind, read.operation, {})) {
            await expect(perform, read.operation).rejects.toBeInstanceOf(ForbiddenError);
            continue;
          }
          const result = await perform;
          expect(result, read.operation).toMatchObject({ ok: true });
          const answer = JSON.stringify(result);
          if (allowed) for (const value of read.shows) expect(answer, `${read.operation} shows ${value}`).toContain(value);
          else expect(answer, read.operation).not.toContain(marker);
        }
      });
    }
  }
});

/**
 * The one shape of a staff operation. Each operation declares only what is its own (its name, and so
 * its permission; its zod input; whether it writes; whether it can change what the public sees; its
 * body and what runs after commit). The dance they all share is written here once: authorize, parse,
 * open a transaction, audit with one actor shape, run the after-commit hooks, return one result type.
 * Adapters (lib/operations/adapters.ts) expose an operation as a server action, a route or a page.
 */
import 'server-only';
import type { z } from 'zod';
import { type Database, getDb, type Transaction } from '@/db/client';
import { actorOf, type AuditActor, type AuditEntry, auditRowsWritten, recordAudit } from '@/lib/audit/record-audit';
import type { Operation } from '@/lib/auth/permissions';
import { authorize, type StaffSession } from '@/lib/auth/staff-session';
import { type OperationFailure, type OperationResult, zodFieldErrors } from './result';

interface BaseContext {
  /** The caller, re-read from the database and allowed this operation. */
  session: StaffSession;
  /** The caller as the author of a change, in the audit log's one spelling. */
  actor: AuditActor;
  /** Runs after the transaction commits, and only if the operation succeeded (cache expiry, memos). */
  afterCommit(hook: () => void | Promise<void>): void;
}

export interface ReadContext extends BaseContext {
  db: Database;
}

export interface WriteContext extends BaseContext {
  /** The operation's transaction: every write, and its audit rows, commit or roll back together. */
  tx: Transaction;
  /** Appends an audit row in the transaction; the action defaults to the operation's name. */
  audit(entry: Omit<AuditEntry, 'action'> & { action?: string }): Promise<void>;
}

interface CommonSpec<Name extends Operation, Schema extends z.ZodType, T> {
  name: Name;
  input: Schema;
  /**
   * Can this operation change what the public sees (a public page, feed, JSON, or mail to signers)?
   * Declared by every operation so that the publication gate (issue 11) can find the ones that say yes.
   */
  changesPublicView: boolean;
  /** After a successful commit, with the operation's value (public cache expiry, process memos). */
  afterCommit?: (value: T, input: z.output<Schema>) => void | Promise<void>;
}

/** A write runs in one transaction and records at least one audit row in it. */
export interface WriteSpec<Name extends Operation, Schema extends z.ZodType, T, Prepared = undefined> extends CommonSpec<Name, Schema, T> {
  writes: true;
  /**
   * Work before the transaction opens, whose value `run` receives: reads through other modules' own
   * handles (PGlite runs one transaction at a time, so they would wait on it for ever) and slow
   * rendering that should not keep the transaction open. Its field errors end the call, nothing written.
   */
  prepare?(context: ReadContext, input: z.output<Schema>): Promise<OperationResult<Prepared>>;
  run(context: WriteContext, input: z.output<Schema>, prepared: Prepared): Promise<OperationResult<T>>;
}

/** A read gets the database and writes nothing. */
export interface ReadSpec<Name extends Operation, Schema extends z.ZodType, T> extends CommonSpec<Name, Schema, T> {
  writes: false;
  run(context: ReadContext, input: z.output<Schema>): Promise<OperationResult<T>>;
}

/** A declared operation: call it with a session and raw input; its declaration rides along for the registry. */
export interface DefinedOperation<Name extends Operation = Operation, Schema extends z.ZodType = z.ZodType, T = unknown> {
  (session: StaffSession | null, input: z.input<Schema>): Promise<OperationResult<T>>;
  /** The same call with input not yet known to fit (a form's fields, a request's JSON): it is parsed first. */
  readonly fromUntrusted: (session: StaffSession | null, raw: unknown) => Promise<OperationResult<T>>;
  readonly operation: Name;
  readonly input: Schema;
  readonly writes: boolean;
  readonly changesPublicView: boolean;
}

/** Thrown inside a write's transaction to roll it back and return field errors instead. */
class RollbackWith {
  constructor(readonly failure: OperationFailure) {}
}

/** A write that recorded no audit row: a programming error, never a user's. */
export class UnauditedWriteError extends Error {
  constructor(operation: Operation) {
    super(`${operation} wrote without an audit row`);
    this.name = 'UnauditedWriteError';
  }
}

export function defineOperation<Name extends Operation, Schema extends z.ZodType, T, Prepared = undefined>(
  spec: WriteSpec<Name, Schema, T, Prepared> | ReadSpec<Name, Schema, T>,
): DefinedOperation<Name, Schema, T> {
  const perform = async (session: StaffSession | null, raw: unknown): Promise<OperationResult<T>> => {
    const caller = await authorize(session, spec.name);
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
    const input: z.output<Schema> = parsed.data;
    const hooks: (() => void | Promise<void>)[] = [];
    const base: BaseContext = { session: caller, actor: actorOf(caller), afterCommit: (hook) => hooks.push(hook) };
    const db = await getDb();
    const result = spec.writes ? await prepareAndWrite(spec, db, base, input) : await spec.run({ ...base, db }, input);
    if (result.ok) {
      for (const hook of hooks) await hook();
      await spec.afterCommit?.(result.value, input);
    }
    return result;
  };
  return Object.assign((session: StaffSession | null, input: z.input<Schema>) => perform(session, input), {
    fromUntrusted: perform,
    operation: spec.name,
    input: spec.input,
    writes: spec.writes,
    changesPublicView: spec.changesPublicView,
  });
}

async function prepareAndWrite<Name extends Operation, Schema extends z.ZodType, T, Prepared>(
  spec: WriteSpec<Name, Schema, T, Prepared>,
  db: Database,
  base: BaseContext,
  input: z.output<Schema>,
): Promise<OperationResult<T>> {
  if (!spec.prepare) return runWrite(spec, db, base, input, undefined as Prepared);
  const prepared = await spec.prepare({ ...base, db }, input);
  return prepared.ok ? runWrite(spec, db, base, input, prepared.value) : prepared;
}

async function runWrite<Name extends Operation, Schema extends z.ZodType, T, Prepared>(
  spec: WriteSpec<Name, Schema, T, Prepared>,
  db: Database,
  base: BaseContext,
  input: z.output<Schema>,
  prepared: Prepared,
): Promise<OperationResult<T>> {
  try {
    return await db.transaction(async (tx) => {
      const context: WriteContext = {
        ...base,
        tx,
        audit: async (entry) => {
          await recordAudit(tx, base.actor, { ...entry, action: entry.action ?? spec.name });
        },
      };
      const outcome = await spec.run(context, input, prepared);
      // Field errors undo whatever the body wrote before it found them.
      if (!outcome.ok) throw new RollbackWith(outcome);
      if (auditRowsWritten(tx) === 0) throw new UnauditedWriteError(spec.name);
      return outcome;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.failure;
    throw error;
  }
}

/**
 * An operation as a server action, a route handler or a page loader. Each adapter only carries the
 * operation's result across its boundary; the refusal mapping is refusal.ts's, the rules are the
 * operation's. A server action and a route are public endpoints: the operation authorizes the caller.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import type { StaffSession } from '@/lib/auth/staff-session';
import type { z } from 'zod';
import type { Operation } from '@/lib/auth/permissions';
import { redirect } from '@/lib/i18n/navigation';
import type { DefinedOperation } from './define-operation';
import { logUnexpected, refusalOf } from './refusal';
import type { ActionState, OperationResult } from './result';

/** A form's text fields (files and Next's own `$ACTION` fields aside). */
export function formValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

/** A failed call as the form's state: a refusal's message, or a logged error's reference. */
export function failureState<T>(error: unknown): ActionState<T> {
  const refusal = refusalOf(error);
  if (refusal) return { ok: false, message: refusal.code };
  return { ok: false, message: 'unexpected', reference: logUnexpected('server action', error) };
}

export interface ActionOptions {
  /** The catalog key shown on success (default "saved"). */
  message?: string;
  /** Input the form does not send, added on the server (the site's origin for a link, the locale). */
  serverInput?: () => Promise<Record<string, unknown>>;
}

/** A server action for useActionState / react-hook-form: field errors by field, nothing written on error. */
export function toAction<T>(
  operation: DefinedOperation<Operation, z.ZodType, T>,
  options: ActionOptions = {},
): (previous: ActionState<unknown>, formData: FormData) => Promise<ActionState<T>> {
  return async (_previous, formData) => {
    try {
      const input = { ...formValues(formData), ...(await options.serverInput?.()) };
      const result = await operation.fromUntrusted(await getStaffSession(), input);
      if (!result.ok) return { ok: false, errors: result.fieldErrors, message: 'checkFields' };
      // Staff pages are rendered per request: refresh the one the form is on.
      revalidatePath('/', 'layout');
      return { ok: true, message: options.message ?? 'saved', value: result.value };
    } catch (error) {
      return failureState<T>(error);
    }
  };
}

function jsonResponse(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

export interface RouteOptions<T, Params> {
  /** The operation's input from the request (route params, query, body); a throw is a 400. */
  input(request: Request, params: Params): unknown;
  /** The response for the operation's value (default: the value as JSON); rendering a file may take a while. */
  respond?(value: T): Response | Promise<Response>;
}

/**
 * A route handler: refusals 401/403, a missing record 404, input the operation rejects 422 with its
 * field errors, unreadable input 400, all as JSON; never a 500 for input.
 */
export function toRoute<T, Params>(
  operation: DefinedOperation<Operation, z.ZodType, T>,
  options: RouteOptions<T, Params>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    let input: unknown;
    try {
      input = await options.input(request, await context.params);
    } catch {
      return jsonResponse({ error: 'badRequest' }, 400);
    }
    try {
      const result = await operation.fromUntrusted(await getStaffSession(), input);
      if (!result.ok) {
        if (result.missing) return jsonResponse({ error: 'notFound' }, 404);
        return jsonResponse({ error: 'invalid', fields: result.fieldErrors }, 422);
      }
      return options.respond ? await options.respond(result.value) : jsonResponse(result.value, 200);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return jsonResponse({ error: refusal.code }, refusal.status);
      return jsonResponse({ error: 'unexpected', reference: logUnexpected(`route ${operation.operation}`, error) }, 500);
    }
  };
}

export type StaffPageResult<T> = { forbidden: false; session: StaffSession; data: T } | { forbidden: true; session: StaffSession };

/**
 * Loads what a staff page shows, and turns a refusal into the right place: no session → sign-in;
 * two-factor setup pending → the account page; a role that may not → `forbidden` ("not available to
 * your account"). A page that needs several reads passes a function that makes them.
 */
export async function loadStaffPage<T>(locale: string, load: (session: StaffSession) => Promise<T>): Promise<StaffPageResult<T>> {
  const session = await getStaffSession();
  if (!session) return redirect({ href: '/login?expired=1', locale });
  try {
    return { forbidden: false, session, data: await load(session) };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    if (refusal.reason === 'unauthenticated') return redirect({ href: '/login?expired=1', locale });
    if (refusal.reason === 'two_factor_setup') return redirect({ href: '/admin/account', locale });
    return { forbidden: true, session };
  }
}

/** The value of a read for a page; a missing record is the page's "not found". */
export async function pageValue<T>(result: Promise<OperationResult<T>>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) notFound();
  return outcome.value;
}

/** One operation as a staff page's data: `toPage(locale, getCaseFile, { caseId })`. */
export function toPage<Schema extends z.ZodType, T>(
  locale: string,
  operation: DefinedOperation<Operation, Schema, T>,
  input: z.input<Schema>,
): Promise<StaffPageResult<T>> {
  return loadStaffPage(locale, (session) => pageValue(operation(session, input)));
}

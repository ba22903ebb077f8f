/**
 * Loads what a staff page shows through its lib/ operation, and turns a refusal into the right place:
 * no session → the sign-in page; two-factor setup pending → the account page; a role that may not →
 * `forbidden`, which the page shows as "not available to your account".
 */
import 'server-only';
import { redirect } from '@/lib/i18n/navigation';
import { getStaffSession } from './get-staff-session';
import { ForbiddenError } from './permissions';
import type { StaffSession } from './staff-session';

export type StaffPageResult<T> = { forbidden: false; session: StaffSession; data: T } | { forbidden: true; session: StaffSession };

export async function loadStaffPage<T>(locale: string, load: (session: StaffSession) => Promise<T>): Promise<StaffPageResult<T>> {
  const session = await getStaffSession();
  if (!session) return redirect({ href: '/login?expired=1', locale });
  try {
    return { forbidden: false, session, data: await load(session) };
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    if (error.reason === 'unauthenticated') return redirect({ href: '/login?expired=1', locale });
    if (error.reason === 'two_factor_setup') return redirect({ href: '/admin/account', locale });
    return { forbidden: true, session };
  }
}

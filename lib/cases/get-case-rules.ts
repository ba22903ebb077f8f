import 'server-only';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { type CaseRules, readCaseRules } from './case-rules';

export async function getCaseRules(session: StaffSession | null): Promise<CaseRules> {
  await authorize(session, 'settings.readCaseRules');
  return readCaseRules(await getDb());
}

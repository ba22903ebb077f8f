/** The staff session of the current request, checked against the database, or null. */
import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { cache } from 'react';
import { authOptions } from './auth-options';
import { clientIp } from './client-ip';
import { loadStaffSession, type StaffSession } from './staff-session';

export const getStaffSession = cache(async (): Promise<StaffSession | null> => {
  const session = await getServerSession(authOptions);
  const ip = clientIp(await headers());
  return loadStaffSession(session?.sid, ip, { touch: true });
});

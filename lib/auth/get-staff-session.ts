/** The staff session of the current request, checked against the database, or null. */
import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { cache } from 'react';
import { clientAddress } from '@/lib/http/client-address';
import { authOptions } from './auth-options';
import { loadStaffSession, type StaffSession } from './staff-session';

export const getStaffSession = cache(async (): Promise<StaffSession | null> => {
  const session = await getServerSession(authOptions);
  const ip = clientAddress(await headers());
  return loadStaffSession(session?.sid, ip, { touch: true });
});

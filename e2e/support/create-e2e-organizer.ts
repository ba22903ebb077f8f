/** Creates E2E_ORGANIZER in the database of this e2e server (run like create-e2e-admin.ts). */
import { openDatabase } from '@/db/client';
import { createUserFromTerminal } from '@/lib/users/create-user-from-terminal';
import { E2E_ORGANIZER } from './organizer-account';

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  await createUserFromTerminal(
    opened.db,
    { email: E2E_ORGANIZER.email, role: 'organizer', password: E2E_ORGANIZER.password, displayName: E2E_ORGANIZER.displayName, totpSecret: E2E_ORGANIZER.totpSecret },
    'e2e',
  );
} finally {
  await opened.close();
}
console.log(`e2e organizer ${E2E_ORGANIZER.email} ready`);

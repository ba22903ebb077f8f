/** Creates E2E_ADVOCATE in the database of this e2e server (run like create-e2e-admin.ts). */
import { openDatabase } from '@/db/client';
import { createUserFromTerminal } from '@/lib/users/create-user-from-terminal';
import { E2E_ADVOCATE } from './advocate-account';

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  await createUserFromTerminal(
    opened.db,
    { email: E2E_ADVOCATE.email, role: 'advocate', password: E2E_ADVOCATE.password, displayName: E2E_ADVOCATE.displayName, totpSecret: E2E_ADVOCATE.totpSecret },
    'e2e',
  );
} finally {
  await opened.close();
}
console.log(`e2e advocate ${E2E_ADVOCATE.email} ready`);

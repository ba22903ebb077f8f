/**
 * Creates the known staff accounts (staff-accounts.ts) in the database of this e2e server. Run by
 * prepare-database.ts in a child process with the react-server condition, because lib/ modules are
 * server-only.
 */
import { openDatabase } from '@/db/client';
import { createUserFromTerminal } from '@/lib/users/create-user-from-terminal';
import { E2E_STAFF } from './staff-accounts';

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  for (const { email, role, password, displayName, totpSecret } of E2E_STAFF) {
    await createUserFromTerminal(opened.db, { email, role, password, displayName, totpSecret }, 'e2e');
    console.log(`e2e ${role} ${email} ready`);
  }
} finally {
  await opened.close();
}

/**
 * Creates E2E_ADMIN in the database of this e2e server. Run by prepare-database.ts in a child
 * process with the react-server condition, because lib/ modules are server-only.
 */
import { openDatabase } from '@/db/client';
import { createUserFromTerminal } from '@/lib/users/create-user-from-terminal';
import { E2E_ADMIN } from './staff-accounts';

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  await createUserFromTerminal(
    opened.db,
    {
      email: E2E_ADMIN.email,
      role: 'admin',
      password: E2E_ADMIN.password,
      displayName: E2E_ADMIN.displayName,
      totpSecret: E2E_ADMIN.totpSecret,
    },
    'e2e',
  );
} finally {
  await opened.close();
}
console.log(`e2e admin ${E2E_ADMIN.email} ready`);

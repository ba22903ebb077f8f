/**
 * For fault tests only: ends every server connection to one database (pg_terminate_backend filtered by
 * its name), as a Postgres crash or a failover would, without touching any other database on the server.
 */
import { Client } from 'pg';

export async function terminateConnections(adminUrl: string, database: string): Promise<number> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: boolean }>(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return rows.filter((row) => row.ended).length;
  } finally {
    await admin.end();
  }
}

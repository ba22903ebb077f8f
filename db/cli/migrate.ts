/** `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL, or to the embedded database. */
import { openDatabase } from '../client';

const opened = await openDatabase({ url: process.env.DATABASE_URL });
console.log(`Migrations applied (${opened.engine}).`);
await opened.close();

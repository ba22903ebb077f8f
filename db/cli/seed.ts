/** `npm run db:seed`: loads the demo cases into an empty database (`-- --force` adds them anyway). */
import { openDatabase } from '../client';
import { seedDemoData, seedDemoDataIfEmpty } from '../seed';

const force = process.argv.includes('--force');
const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  if (force) {
    await seedDemoData(opened.db);
    console.log(`Demo data added (${opened.engine}).`);
  } else if (await seedDemoDataIfEmpty(opened.db)) {
    console.log(`Demo data loaded (${opened.engine}).`);
  } else {
    console.log('The database already holds cases; nothing seeded. Use `npm run db:seed -- --force` to add the demo cases anyway.');
  }
} finally {
  await opened.close();
}

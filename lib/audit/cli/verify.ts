/** `npm run audit:verify`: checks the whole audit chain; exits 1 naming the first broken row. */
import { openDatabase } from '@/db/client';
import { verifyAuditChain } from '../verify-audit-chain';

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  const report = await verifyAuditChain(opened.db);
  if (report.ok) {
    console.log(`Audit chain intact: ${report.checkedRows} rows checked (${opened.engine}).`);
  } else {
    const why = report.problem === 'content_altered' ? 'its content no longer matches its hash' : 'it does not follow the row before it';
    console.error(`Audit chain broken at row ${report.brokenRowId}: ${why}. Rows before it are intact.`);
    process.exitCode = 1;
  }
} finally {
  await opened.close();
}

import { exportTargets } from '@/lib/targets/export-targets';
import { staffDownload } from '@/lib/letters/staff-download';

export const dynamic = 'force-dynamic';

/** GET /api/letters/targets: the target directory as CSV (organizers). */
export async function GET() {
  return staffDownload(async (session) => ({
    fileName: `letter-targets-${new Date().toISOString().slice(0, 10)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: await exportTargets(session),
  }));
}

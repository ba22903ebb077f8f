import { staffFileResponse } from '@/lib/http/staff-download';
import { toRoute } from '@/lib/operations/adapters';
import { exportTargets } from '@/lib/targets/export-targets';

export const dynamic = 'force-dynamic';

/** GET /api/letters/targets: the target directory as CSV (organizers). */
export const GET = toRoute(exportTargets, { input: () => ({}), respond: staffFileResponse });

import { staffFileResponse } from '@/lib/http/staff-download';
import { getBatchDocument } from '@/lib/letters/get-batch-document';
import { toRoute } from '@/lib/operations/adapters';

export const dynamic = 'force-dynamic';

/** GET /api/letters/batch?id=<batch>&format=pdf|docx|labels: a stored batch as a file (organizers). */
export const GET = toRoute(getBatchDocument, {
  input: (request) => {
    const query = new URL(request.url).searchParams;
    return { batchId: query.get('id'), format: query.get('format') ?? undefined };
  },
  respond: staffFileResponse,
});

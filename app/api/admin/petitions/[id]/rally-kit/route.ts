import { staffFileResponse } from '@/lib/http/staff-download';
import { toRoute } from '@/lib/operations/adapters';
import { getRallyKit } from '@/lib/petitions/get-rally-kit';

export const dynamic = 'force-dynamic';

/** GET /api/admin/petitions/<id>/rally-kit?paper=a4|a3|a6&language=<locale>: a poster or flyer PDF (organizers). */
export const GET = toRoute(getRallyKit, {
  input: (request, { id }: { id: string }) => {
    const query = new URL(request.url).searchParams;
    return { petitionId: id, paper: query.get('paper') ?? undefined, language: query.get('language') ?? undefined };
  },
  respond: staffFileResponse,
});

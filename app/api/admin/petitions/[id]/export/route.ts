import { staffFileResponse } from '@/lib/http/staff-download';
import { toRoute } from '@/lib/operations/adapters';
import { exportSignatures } from '@/lib/petitions/export-signatures';

export const dynamic = 'force-dynamic';

/** GET /api/admin/petitions/<id>/export: the confirmed signatures as CSV, for organizers (lib/petitions/export-signatures.ts); audited. */
export const GET = toRoute(exportSignatures, { input: (_request, { id }: { id: string }) => ({ petitionId: id }), respond: staffFileResponse });

import { exportDossier } from '@/lib/cases/export-dossier';
import { renderDossierPdf } from '@/lib/cases/render-dossier-pdf';
import { staffFileResponse } from '@/lib/http/staff-download';
import { toRoute } from '@/lib/operations/adapters';

export const dynamic = 'force-dynamic';

/** GET /api/admin/cases/<id>/dossier?format=json|pdf: one case's dossier, for staff with internal access; the export is audited. */
export const GET = toRoute(exportDossier, {
  input: (request, { id }: { id: string }) => ({ caseId: id, format: new URL(request.url).searchParams.get('format') === 'pdf' ? 'pdf' : 'json' }),
  async respond({ dossier, format }) {
    const stem = `dossier-${String(dossier.case.record.slug)}-${dossier.exportedAt.slice(0, 10)}`;
    if (format === 'json') return staffFileResponse({ fileName: `${stem}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(dossier, null, 2) });
    return staffFileResponse({ fileName: `${stem}.pdf`, contentType: 'application/pdf', body: await renderDossierPdf(dossier) });
  },
});

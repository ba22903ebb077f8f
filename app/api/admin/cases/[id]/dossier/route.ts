import { getStaffSession } from '@/lib/auth/get-staff-session';
import { ForbiddenError } from '@/lib/auth/permissions';
import { exportDossier } from '@/lib/cases/export-dossier';
import { renderDossierPdf } from '@/lib/cases/render-dossier-pdf';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'no-store' };

/** One case's dossier, as JSON or PDF (?format=pdf), for staff with internal access; the export is audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = new URL(request.url).searchParams.get('format') === 'pdf' ? 'pdf' : 'json';
  try {
    const dossier = await exportDossier(await getStaffSession(), id, format);
    if (!dossier) return Response.json({ error: 'No such case.' }, { status: 404, headers: PRIVATE });
    const stem = `dossier-${String(dossier.case.record.slug)}-${dossier.exportedAt.slice(0, 10)}`;
    if (format === 'json') {
      return new Response(JSON.stringify(dossier, null, 2), {
        headers: { ...PRIVATE, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${stem}.json"` },
      });
    }
    const pdf = await renderDossierPdf(dossier);
    return new Response(new Uint8Array(pdf), {
      headers: { ...PRIVATE, 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${stem}.pdf"` },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) {
      return Response.json({ error: 'Not allowed.' }, { status: error.reason === 'unauthenticated' ? 401 : 403, headers: PRIVATE });
    }
    throw error;
  }
}

import { NextResponse } from 'next/server';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import { ForbiddenError } from '@/lib/auth/permissions';
import { isRecordId } from '@/lib/fields/schemas';
import { exportSignatures } from '@/lib/petitions/export-signatures';

export const dynamic = 'force-dynamic';

/** The confirmed signatures of a petition as CSV, for organizers (lib/petitions/export-signatures.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isRecordId(id)) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  try {
    const exported = await exportSignatures(await getStaffSession(), id);
    if (!exported) return NextResponse.json({ error: 'not_found' }, { status: 404 });
    return new NextResponse(exported.csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exported.filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) {
      return NextResponse.json({ error: error.reason === 'unauthenticated' ? 'unauthenticated' : 'forbidden' }, { status: error.reason === 'unauthenticated' ? 401 : 403 });
    }
    throw error;
  }
}

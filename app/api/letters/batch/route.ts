import type { NextRequest } from 'next/server';
import { BATCH_FORMATS, type BatchFormat, getBatchDocument } from '@/lib/letters/get-batch-document';
import { staffDownload } from '@/lib/letters/staff-download';

export const dynamic = 'force-dynamic';

/** GET /api/letters/batch?id=<batch>&format=pdf|docx|labels: a stored batch as a file (organizers). */
export async function GET(request: NextRequest) {
  const id = request.nextUrl.searchParams.get('id') ?? '';
  const format = request.nextUrl.searchParams.get('format') ?? 'pdf';
  if (!(BATCH_FORMATS as readonly string[]).includes(format)) return new Response('Unknown format', { status: 400 });
  return staffDownload((session) => getBatchDocument(session, id, format as BatchFormat));
}

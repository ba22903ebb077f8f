import type { NextRequest } from 'next/server';
import { makeSupporterLetter } from '@/lib/letters/make-supporter-letter';

export const dynamic = 'force-dynamic';

/**
 * POST /api/letters/supporter (a form): a supporter's own letter as a PDF (format=pdf), or only
 * counted when they send it from their mail client (format=mail). Nothing about them is stored.
 */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  if (!form) return new Response('A form is expected', { status: 400 });
  const value = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
  const format = value('format') === 'mail' ? 'mail' : 'pdf';
  const result = await makeSupporterLetter(
    { caseSlug: value('caseSlug'), language: value('language') as 'en', hostCountry: value('hostCountry'), senderName: value('senderName'), body: value('body') },
    format,
  );
  if (!result.ok) return Response.json({ errors: result.fieldErrors }, { status: 422, headers: { 'Cache-Control': 'no-store' } });
  if (!result.value.pdf) return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return new Response(new Uint8Array(result.value.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="letter.pdf"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

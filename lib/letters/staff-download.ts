/** Staff file downloads from route handlers: the session, the refusal as 401/403, never cached. */
import 'server-only';
import { getStaffSession } from '@/lib/auth/get-staff-session';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { StaffSession } from '@/lib/auth/staff-session';

export async function staffDownload(
  produce: (session: StaffSession | null) => Promise<{ fileName: string; contentType: string; body: Buffer | string } | null>,
): Promise<Response> {
  try {
    const file = await produce(await getStaffSession());
    if (!file) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    return new Response(new Uint8Array(typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) {
      return new Response(error.reason === 'unauthenticated' ? 'Sign in first' : 'Forbidden', { status: error.reason === 'unauthenticated' ? 401 : 403, headers: { 'Cache-Control': 'no-store' } });
    }
    throw error;
  }
}

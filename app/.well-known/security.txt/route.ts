import { securityTxt } from '@/lib/http/security-txt';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return new Response(securityTxt(new URL(request.url).origin, new Date()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}

import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Pages only: not the API, Next's own files, or files with an extension (feeds, icons).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};

import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Pages only: not the API, Next's own files, or files with an extension (feeds, icons). Links in
  // signers' mails carry tokens with a dot (id.signature), so their pages are named as well.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)', '/withdraw/:token', '/ko/withdraw/:token', '/unsubscribe/:token', '/ko/unsubscribe/:token'],
};

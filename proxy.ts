import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Pages only: not the API, Next's own files, or files with an extension (feeds, icons). Links in
  // signers' mails carry tokens with a dot (id.signature), so their pages are named as well, in every
  // language (`:locale` is any first segment: the matcher must be a literal, and the middleware itself
  // sends an unknown one to the not-found page).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)', '/withdraw/:token', '/:locale/withdraw/:token', '/unsubscribe/:token', '/:locale/unsubscribe/:token'],
};

/** The site's own origin for links we send out: NEXTAUTH_URL when set (it should be in production), else the request's. */
import 'server-only';
import { headers } from 'next/headers';

/**
 * The origin public pages write into their links and meta tags: NEXTAUTH_URL, or this machine's own
 * server in development. Never the request's: a cached page is the same bytes for every reader.
 */
export function configuredSiteOrigin(): string {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

export async function siteOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return configuredSiteOrigin();
  const requestHeaders = await headers();
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost:3000';
  const protocol = requestHeaders.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${protocol}://${host}`;
}

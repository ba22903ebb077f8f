/**
 * The client's address as the load balancer saw it: the last entry of X-Forwarded-For (the one our own
 * proxy appended; entries before it are whatever the client sent), else X-Real-IP.
 */
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function clientIp(headers: HeaderSource): string {
  const forwarded = read(headers, 'x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return (last ?? read(headers, 'x-real-ip')?.trim() ?? 'unknown').slice(0, 100);
}

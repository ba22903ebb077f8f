/**
 * Where the end-to-end servers listen. Each engine's production server has a reverse proxy (nginx,
 * e2e/support/reverse-proxy.ts) in front of it, and the browser and the journeys go through the proxy
 * (`baseURL`). Tests of the server's own handling of raw bytes talk to it directly (`appURL`).
 */

/** nginx connects to the app from this address; the app lists it, and nothing else, in VIGIL_TRUSTED_PROXIES. */
export const PROXY_CONNECTS_FROM = '127.0.0.2';
/** A proxy listens this many ports above its app. */
export const PROXY_PORT_OFFSET = 10;

/** The app's own address behind the proxy at `baseURL`. */
export function appURL(baseURL: string): string {
  const url = new URL(baseURL);
  return `http://127.0.0.1:${Number(url.port) - PROXY_PORT_OFFSET}`;
}

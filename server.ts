/**
 * Vigil's HTTP server: Next.js behind one request handler (lib/http/request-handler.ts) that refuses
 * malformed requests, answers cached public pages from memory and gives every response its security
 * headers. `npm run dev` runs this file with tsx; `npm run build`
 * compiles it to .next/vigil-server/server.mjs, which `npm start` runs with node.
 */
import { createServer } from 'node:http';
import next from 'next';
import { describeTrust, trustedProxiesFromEnvironment, type ProxyTrust } from './lib/http/client-address';
import { applyConnectionTimeouts } from './lib/http/connection-timeouts';
import { addressCeiling } from './lib/petitions/address-ceiling';
import { createRequestHandler } from './lib/http/request-handler';
import { runShutdownHooks } from './lib/runtime/shutdown';
import { startDeliveryThread } from './lib/mail/start-delivery-thread';

const development = process.env.NODE_ENV !== 'production';
const port = Number.parseInt(process.env.PORT ?? '3000', 10);
// The name Next uses for its own URLs; the server listens on every interface, as `next start` does.
const hostname = 'localhost';

const httpServer = createServer();
const app = next({ dev: development, hostname, port, httpServer });
const handle = app.getRequestHandler();

if (!development && !process.env.VIGIL_SECRET_KEY) {
  console.error('VIGIL_SECRET_KEY is not set: the production server never runs without it (see README).');
  process.exit(1);
}
// Whose X-Forwarded-For is believed (README, "Client addresses and proxies"): decided before anything runs.
let trustedProxies: ProxyTrust;
try {
  trustedProxies = trustedProxiesFromEnvironment();
  // The signing ceiling too: a value it cannot use stops the start, never a signature.
  addressCeiling();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Mail goes out from a thread of its own, so SMTP's round trips never wait behind requests (a surge of
// signing made confirmation mail lag by tens of seconds; lib/mail/delivery-thread.ts). Started before Next,
// whose scheduler then leaves mail delivery to it. Only on Postgres (PGlite is one connection in this
// thread) and only compiled: esbuild writes the thread's file beside this one (package.json, build:server).
if (!development && process.env.DATABASE_URL && process.env.SMTP_URL && process.env.VIGIL_BACKGROUND_JOBS !== 'false') {
  startDeliveryThread(new URL('./lib/mail/delivery-thread.mjs', import.meta.url));
}
await app.prepare();
applyConnectionTimeouts(httpServer);
httpServer.on('request', createRequestHandler({ handle, development, trustedProxies }));
httpServer.on('error', (error) => {
  // A port already in use, for example: stop, rather than run without a listener.
  console.error(`Vigil could not listen on port ${port}:`, error.message);
  process.exit(1);
});
// A load balancer's SIGTERM (or Ctrl-C): stop taking connections, let the requests in progress finish
// (a signature being written is answered) while the background jobs stop and give back their leases
// (lib/runtime/shutdown.ts), then exit; give up after ten seconds.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`Vigil: ${signal}, finishing the requests in progress…`);
    const requestsDone = new Promise((resolve) => httpServer.close(resolve));
    httpServer.closeIdleConnections();
    void Promise.all([requestsDone, runShutdownHooks()]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
httpServer.listen(port, () => {
  console.log(`Vigil listening on http://${hostname}:${port} (${development ? 'development' : 'production'}); ${describeTrust(trustedProxies)}`);
});

/**
 * HTTP connection timeouts for a server behind a proxy or load balancer. The proxy must never reuse a
 * keep-alive connection the server is closing at that very moment (the client then gets a reset), so the
 * server keeps idle connections longer than any proxy's idle timeout (nginx's upstream keepalive_timeout
 * and cloud load balancers default to 60 s): 75 s here; set your proxy's idle timeout below that.
 * Headers must arrive within 76 s (kept above the keep-alive time, as Node advises) and a whole request
 * within 90 s; the signing API bounds its own body tighter (lib/http/read-bounded-body.ts).
 */
import type { Server } from 'node:http';

const KEEP_ALIVE_TIMEOUT_MS = Number(process.env.VIGIL_KEEP_ALIVE_TIMEOUT_MS ?? 75_000);

export function applyConnectionTimeouts(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.requestTimeout = Math.max(90_000, KEEP_ALIVE_TIMEOUT_MS + 15_000);
}

/**
 * HTTP as a CDN or an outside tester speaks it: the exact bytes of a request line (no client cleans
 * up "//" or "%ff" first) and the body exactly as sent (no automatic decompression).
 */
import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET (or HEAD) with exactly these headers; the body is returned as it came, compressed or not. */
export function httpGet(baseURL: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawAnswer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * Sends raw bytes on a new connection and reads the status line of the answer; null when no answer
 * (not even a closed connection) came within the time limit.
 */
export function rawExchange(baseURL: string, bytes: Buffer, limitMs: number): Promise<{ status: number | null; closedWithoutAnswer: boolean } | null> {
  const url = new URL(baseURL);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname, port: Number(url.port) });
    let received = '';
    let settled = false;
    const settle = (value: { status: number | null; closedWithoutAnswer: boolean } | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => settle(null), limitMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (statusLine && received.includes('\r\n\r\n')) settle({ status: Number(statusLine[1]), closedWithoutAnswer: false });
    });
    // Ignored: a reset after the answer (the server closing a connection with unread body bytes).
    socket.on('error', () => settle(received ? { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0) || null, closedWithoutAnswer: false } : { status: null, closedWithoutAnswer: true }));
    socket.on('close', () => settle({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0) || null, closedWithoutAnswer: !received }));
  });
}

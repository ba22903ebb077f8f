/**
 * A signature sent through the public API from a chosen loopback address (127.0.0.x: all of 127/8 is
 * this machine), as a supporter at that address would, with whatever headers a client may add.
 */
import http from 'node:http';

export interface SigningAnswer {
  status: number;
  body: string;
}

export function signFrom(
  url: string,
  slug: string,
  { from, email, headers = {}, agent }: { from: string; email: string; headers?: Record<string, string>; agent?: http.Agent },
): Promise<SigningAnswer> {
  const target = new URL(url);
  const body = JSON.stringify({ name: 'Crowd Supporter', email, country: 'KR' });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname === 'localhost' ? '127.0.0.1' : target.hostname,
        port: target.port,
        path: `/api/petitions/${slug}/signatures`,
        method: 'POST',
        localAddress: agent ? undefined : from,
        agent: agent ?? false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A keep-alive connection pool whose sockets all come from one address. */
export function agentFrom(from: string): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 8, localAddress: from } as http.AgentOptions);
}

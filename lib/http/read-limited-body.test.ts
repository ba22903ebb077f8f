import { describe, expect, it } from 'vitest';
import { readLimitedText } from './read-limited-body';

describe('reading a body up to a limit', () => {
  it('returns a body within the limit', async () => {
    expect(await readLimitedText(new Request('http://x/', { method: 'POST', body: 'héllo' }), 16)).toEqual({ text: 'héllo' });
  });

  it('refuses a declared length over the limit without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream({ pull: (controller) => { pulled += 1; controller.enqueue(new Uint8Array(1024)); } });
    const request = new Request('http://x/', { method: 'POST', body, headers: { 'content-length': String(64 * 1024 * 1024) }, duplex: 'half' } as RequestInit);
    expect(await readLimitedText(request, 8192)).toEqual({ tooLarge: true });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading an undeclared body as soon as it passes the limit', async () => {
    let pulled = 0;
    // An endless stream: only stopping at the limit lets this test finish.
    const body = new ReadableStream({ pull: (controller) => { pulled += 1; controller.enqueue(new Uint8Array(1024)); } });
    const request = new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readLimitedText(request, 8192)).toEqual({ tooLarge: true });
    expect(pulled).toBeLessThan(12);
  });
});

/**
 * Reads a request body with a size limit and a deadline, so a slow or endless upload holds neither
 * memory nor a request slot: past `maxBytes` the answer is 413, past `deadlineMs` 408 (both before any
 * work is done).
 */
export type BoundedBody = { text: string } | { refused: 413 | 408 };

export async function readBoundedBody(request: Request, maxBytes: number, deadlineMs = 10_000): Promise<BoundedBody> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return { refused: 413 };
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'deadline') {
        void reader.cancel().catch(() => {});
        return { refused: 408 };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        return { refused: 413 };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

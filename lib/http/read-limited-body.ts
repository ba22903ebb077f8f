/**
 * Reads a request body as text, but never more than a limit: a declared Content-Length over it is
 * refused before reading, and a body without one is cut off as soon as it passes the limit, so a
 * 64 MiB upload is refused after its first few kilobytes rather than after all of them arrived.
 */
export async function readLimitedText(request: Request, limitBytes: number): Promise<{ text: string } | { tooLarge: true }> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    await request.body?.cancel().catch(() => {});
    return { tooLarge: true };
  }
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

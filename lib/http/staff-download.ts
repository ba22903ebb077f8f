/** A staff file download's response: an attachment, never cached, never sniffed. */
export interface StaffFile {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

export function staffFileResponse(file: StaffFile): Response {
  return new Response(new Uint8Array(typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

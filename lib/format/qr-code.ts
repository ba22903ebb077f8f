/**
 * QR codes drawn here, on the server: no third-party QR service ever sees what they encode (a
 * two-factor secret, a page's address). As inline SVG for pages, and as a grid of modules for PDFs.
 */
import 'server-only';
import QRCode from 'qrcode';

export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', width: 200 });
}

/** The code's square grid of modules (dark or light), without the quiet zone, for drawing it as vector shapes. */
export function qrCodeModules(text: string): { size: number; isDark(row: number, column: number): boolean } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

/** The QR code of an otpauth:// URI as inline SVG, drawn on the server: no third-party QR service sees the secret. */
import 'server-only';
import QRCode from 'qrcode';

export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', width: 200 });
}

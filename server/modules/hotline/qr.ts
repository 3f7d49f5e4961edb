import QRCode from 'qrcode';

/** The tracking link as an SVG QR code (error correction M: still readable printed small on a receipt). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

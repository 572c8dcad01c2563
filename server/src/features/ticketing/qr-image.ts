import QRCode from 'qrcode';

// A ticket's QR code as an image. Error correction M (core keeps every token inside version 10 at
// M) and the standard 4-module quiet zone, which scanners need to find the code on a busy page.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** PNG, `scale` pixels per module, black on white (hardware's, loaded on the first request). */
export async function qrPng(text: string, scale: number): Promise<Buffer> {
  const hardware = await import('@lanyard/hardware');
  return hardware.qrPng(text, {
    scale,
    margin: OPTIONS.margin,
    errorCorrection: OPTIONS.errorCorrectionLevel,
  });
}

/** SVG; scales to any size without blur. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

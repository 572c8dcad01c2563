import QRCode from 'qrcode';
import { qrPng, qrSvg } from './qr-image.js';
import { decodeQr, quietZonePixels, rasterize } from './test-support/qr-decode.js';

// A token of the largest shape core makes (16-character kid, both validity times): 228 characters.
const TOKEN = `LY1:${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.repeat(8).slice(0, 224)}`;

describe('ticket QR images', () => {
  it('draws a PNG that a scanner reads back as exactly the token, at error correction M', async () => {
    const decoded = decodeQr(await rasterize(await qrPng(TOKEN, 4), 'png'));
    expect(decoded).toEqual({ text: TOKEN, errorCorrection: 'M' });
  });

  it('draws an SVG that reads back as exactly the token, at error correction M', async () => {
    const decoded = decodeQr(await rasterize(await qrSvg(TOKEN), 'svg'));
    expect(decoded).toEqual({ text: TOKEN, errorCorrection: 'M' });
  });

  it('keeps a white quiet zone of four modules around the PNG code', async () => {
    const scale = 5;
    const image = await rasterize(await qrPng(TOKEN, scale), 'png');
    const modules = QRCode.create(TOKEN, { errorCorrectionLevel: 'M' }).modules.size;
    expect(image.width).toBe((modules + 8) * scale);
    expect(quietZonePixels(image)).toBe(4 * scale);
  });

  it('keeps a quiet zone of four modules around the SVG code, whatever size it is drawn at', async () => {
    const size = 690;
    const image = await rasterize(await qrSvg(TOKEN), 'svg', size);
    const modules = QRCode.create(TOKEN, { errorCorrectionLevel: 'M' }).modules.size;
    const modulePixels = size / (modules + 8);
    expect(quietZonePixels(image)).toBeGreaterThanOrEqual(Math.floor(4 * modulePixels));
    expect(quietZonePixels(image)).toBeLessThanOrEqual(Math.ceil(4 * modulePixels));
  });

  it('fits the largest token in a QR code of version 10 or lower', () => {
    expect(QRCode.create(TOKEN, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(10);
  });
});

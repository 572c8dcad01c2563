import { PNG } from 'pngjs';
import { zbarPng } from '../../test/support/zbar.js';
import { qrPng, qrSymbol } from './qr-symbol.js';

const token = (i: number) => `LY1:${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.repeat(4)}${i}`;

describe('QR symbols and PNGs', () => {
  it('draws a PNG that zbar reads back as the text, with a 4-module quiet zone', async () => {
    for (const i of [1, 2, 3]) {
      const png = qrPng(token(i), { scale: 5 });
      expect(await zbarPng(png)).toBe(token(i));
      const { width, height } = PNG.sync.read(png);
      const side = (qrSymbol(token(i)).size + 8) * 5;
      expect([width, height]).toEqual([side, side]);
    }
  });

  it('builds a text’s symbol once while it is recent, and forgets the oldest', () => {
    const first = qrSymbol(token(0));
    expect(qrSymbol(token(0))).toBe(first);
    expect(qrSymbol(token(0), 'H')).not.toBe(first);
    for (let i = 1; i <= 256; i++) qrSymbol(token(i));
    expect(qrSymbol(token(0))).not.toBe(first);
    expect(qrSymbol(token(256))).toBe(qrSymbol(token(256)));
  });
});

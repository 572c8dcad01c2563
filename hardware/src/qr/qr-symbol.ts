import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import type { QrErrorCorrection } from '../printers/badge-layout.js';

// One QR symbol per text, however many ways it is drawn: a mailed ticket's inline PNG and its PDF
// come from the same symbol, built once (qrcode's segmentation and its choice among the eight
// masks cost ~1 ms a symbol; a confirmation mail drew each twice).

/** A QR symbol's modules, `size` × `size`, without the quiet zone. */
export interface QrSymbol {
  size: number;
  isDark(row: number, col: number): boolean;
}

/** Symbols kept: the tickets of a few dozen mails being sent at once. */
const KEPT = 256;
const symbols = new Map<string, QrSymbol>();

/** The QR symbol of `text` (qrcode's choice of segments and mask); the recent ones are kept. */
export function qrSymbol(text: string, errorCorrection: QrErrorCorrection = 'M'): QrSymbol {
  const key = `${errorCorrection}:${text}`;
  const kept = symbols.get(key);
  if (kept) {
    // Most recently used last, so the oldest goes first.
    symbols.delete(key);
    symbols.set(key, kept);
    return kept;
  }
  const { modules } = QRCode.create(text, { errorCorrectionLevel: errorCorrection });
  const symbol: QrSymbol = {
    size: modules.size,
    isDark: (row, col) => Boolean(modules.get(row, col)),
  };
  symbols.set(key, symbol);
  if (symbols.size > KEPT) symbols.delete(symbols.keys().next().value!);
  return symbol;
}

export interface QrPngOptions {
  /** Pixels per module. */
  scale: number;
  /** Quiet zone in modules; scanners need 4 to find the code on a busy page. */
  margin?: number;
  errorCorrection?: QrErrorCorrection;
}

/**
 * A QR code as an 8-bit greyscale PNG, black on white. pngjs's "up" filter alone: all but the
 * first row of each module row repeats the one above, so it packs nearly as small as trying all
 * five filters per row, at a fraction of the CPU.
 */
export function qrPng(text: string, o: QrPngOptions): Buffer {
  const symbol = qrSymbol(text, o.errorCorrection);
  const margin = o.margin ?? 4;
  const side = (symbol.size + 2 * margin) * o.scale;
  const png = new PNG({ width: side, height: side });
  png.data = Buffer.alloc(side * side, 255); // one byte a pixel: grey in, grey out
  for (let row = 0; row < symbol.size; row++) {
    for (let col = 0; col < symbol.size; col++) {
      if (!symbol.isDark(row, col)) continue;
      const x0 = (col + margin) * o.scale;
      for (let y = (row + margin) * o.scale; y < (row + margin + 1) * o.scale; y++) {
        png.data.fill(0, y * side + x0, y * side + x0 + o.scale);
      }
    }
  }
  return PNG.sync.write(png, {
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
    filterType: 2,
  });
}

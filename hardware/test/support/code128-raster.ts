import { Code128Reader } from '@zxing/library';
import type { RgbaFrame } from '../../src/camera/frame-decoder.js';

// The standard Code 128 bar/space width table, as zxing's reader holds it (index = symbol value).
const PATTERNS = (Code128Reader as unknown as { CODE_PATTERNS: number[][] }).CODE_PATTERNS;
const START_B = 104;
const STOP = [2, 3, 3, 1, 1, 1, 2];

/** Module widths (bar first) of `text` in Code 128 set B (printable ASCII). */
export function code128B(text: string): number[] {
  const values = [...text].map((c) => c.charCodeAt(0) - 32);
  const check = (START_B + values.reduce((sum, v, i) => sum + v * (i + 1), 0)) % 103;
  return [START_B, ...values, check].flatMap((v) => Array.from(PATTERNS[v] ?? [])).concat(STOP);
}

/** A horizontal Code 128 barcode centred in a camera-sized RGBA frame. */
export function code128Frame(
  text: string,
  moduleWidth: number,
  width = 640,
  height = 480,
): RgbaFrame {
  const widths = code128B(text);
  const total = widths.reduce((a, b) => a + b, 0) * moduleWidth;
  const x0 = Math.floor((width - total) / 2);
  const data = new Uint8ClampedArray(width * height * 4).fill(235);
  let x = x0;
  widths.forEach((w, i) => {
    const px = w * moduleWidth;
    if (i % 2 === 0) {
      for (let y = height / 4; y < (3 * height) / 4; y++) {
        for (let dx = 0; dx < px; dx++)
          data.fill(20, (y * width + x + dx) * 4, (y * width + x + dx) * 4 + 3);
      }
    }
    x += px;
  });
  return { data, width, height };
}

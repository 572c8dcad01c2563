import { PNG } from 'pngjs';
import { HardwareError } from '../errors.js';

/** A 1-bit image, rows packed MSB first, 1 = black: what thermal printers take. */
export interface MonochromeImage {
  width: number;
  height: number;
  bytesPerRow: number;
  bits: Uint8Array;
}

/** Decodes a PNG and scales it (nearest neighbour) to fit the box, keeping its aspect ratio. */
export function pngToMonochrome(
  png: Uint8Array,
  box: { width: number; height: number },
): MonochromeImage {
  let decoded: { width: number; height: number; data: Buffer };
  try {
    decoded = PNG.sync.read(Buffer.from(png));
  } catch (err) {
    throw new HardwareError(
      'badge_invalid',
      `logo is not a readable PNG: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const scale = Math.min(box.width / decoded.width, box.height / decoded.height);
  const width = Math.max(1, Math.floor(decoded.width * scale));
  const height = Math.max(1, Math.floor(decoded.height * scale));
  const bytesPerRow = Math.ceil(width / 8);
  const bits = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(decoded.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(decoded.width - 1, Math.floor(x / scale));
      const p = (sy * decoded.width + sx) * 4;
      const d = decoded.data;
      const alpha = (d[p + 3] ?? 255) / 255;
      const lum = ((d[p] ?? 0) * 77 + (d[p + 1] ?? 0) * 150 + (d[p + 2] ?? 0) * 29) >> 8;
      // Transparent pixels are paper; the rest is black below mid-grey.
      const ink = 255 - (255 - lum) * alpha;
      if (ink < 128) bits[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bytesPerRow, bits };
}

/** ^GFA (ASCII hex graphic field) for a monochrome image. */
export function monochromeToGfa(image: MonochromeImage): string {
  const total = image.bits.length;
  const hex = Buffer.from(image.bits).toString('hex').toUpperCase();
  return `^GFA,${total},${total},${image.bytesPerRow},${hex}`;
}

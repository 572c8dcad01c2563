import QRCode from 'qrcode';
import type { RgbaFrame } from '../../src/camera/frame-decoder.js';

/** A seeded PRNG so noisy frames are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface RasterOptions {
  width?: number;
  height?: number;
  /** Pixels per QR module. */
  moduleSize: number;
  /** Rotation of the code in degrees, about the frame centre. */
  rotateDeg?: number;
  /** Standard deviation of added grey noise, 0-255 (sensor noise, after the optics' blur). */
  noise?: number;
  /** Box blur radius in pixels, as a slightly unfocused lens gives. */
  blur?: number;
  seed?: number;
  errorCorrection?: 'L' | 'M' | 'Q' | 'H';
}

/** Draws a QR code (from `qrcode`'s module matrix) into an RGBA frame like a camera's. */
export function qrFrame(text: string, o: RasterOptions): RgbaFrame {
  const width = o.width ?? 640;
  const height = o.height ?? 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: o.errorCorrection ?? 'M' });
  const n = qr.modules.size;
  const side = n * o.moduleSize;
  const cx = width / 2;
  const cy = height / 2;
  const a = ((o.rotateDeg ?? 0) * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const random = rng(o.seed ?? 1);
  const data = new Uint8ClampedArray(width * height * 4);
  const grey = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse-rotate the pixel into code coordinates (nearest module).
      const dx = x - cx;
      const dy = y - cy;
      const u = cos * dx + sin * dy + side / 2;
      const v = -sin * dx + cos * dy + side / 2;
      const col = Math.floor(u / o.moduleSize);
      const row = Math.floor(v / o.moduleSize);
      const dark = row >= 0 && col >= 0 && row < n && col < n && qr.modules.get(row, col);
      grey[y * width + x] = dark ? 30 : 225;
    }
  }
  const blurred = o.blur ? boxBlur(grey, width, height, o.blur) : grey;
  for (let i = 0; i < width * height; i++) {
    const g = (blurred[i] ?? 0) + (o.noise ? gaussian(random) * o.noise : 0);
    data[i * 4] = g;
    data[i * 4 + 1] = g;
    data[i * 4 + 2] = g;
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

function boxBlur(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= height || xx >= width) continue;
          sum += src[yy * width + xx] ?? 0;
          count++;
        }
      }
      out[y * width + x] = sum / count;
    }
  }
  return out;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A frame with no code in it: a lit gradient, a few random shapes, and sensor noise. */
export function sceneFrame(
  o: { width?: number; height?: number; noise?: number; seed?: number } = {},
): RgbaFrame {
  const width = o.width ?? 640;
  const height = o.height ?? 480;
  const random = rng(o.seed ?? 1);
  const rects = Array.from({ length: 12 }, () => ({
    x: random() * width,
    y: random() * height,
    w: 20 + random() * 200,
    h: 20 + random() * 150,
    g: random() * 255,
  }));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let g = 90 + (120 * x) / width;
      for (const r of rects) if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) g = r.g;
      g += o.noise ? gaussian(random) * o.noise : 0;
      const p = (y * width + x) * 4;
      data[p] = g;
      data[p + 1] = g;
      data[p + 2] = g;
      data[p + 3] = 255;
    }
  }
  return { data, width, height };
}

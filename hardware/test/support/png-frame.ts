import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { RgbaFrame } from '../../src/camera/frame-decoder.js';

/** Rasterises page 1 of a PDF with poppler's pdftoppm and returns it as an RGBA frame. */
export function pdfToFrame(pdf: Uint8Array, dpi = 200): RgbaFrame {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'in.pdf'),
      join(dir, 'page'),
    ]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text poppler extracts from a PDF: proves glyphs were embedded with their Unicode mapping. */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

/** A small PNG (for logos) from a predicate over pixels. */
export function makePng(
  width: number,
  height: number,
  dark: (x: number, y: number) => boolean,
): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const v = dark(x, y) ? 0 : 255;
      png.data[p] = v;
      png.data[p + 1] = v;
      png.data[p + 2] = v;
      png.data[p + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** The text of the QR code in a PNG, read by zxing. */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r, g, b] = [image.data[i * 4]!, image.data[i * 4 + 1]!, image.data[i * 4 + 2]!];
    luminance[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  reader.setHints(new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]]]));
  const source = new RGBLuminanceSource(luminance, image.width, image.height);
  return reader.decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
}

/** Renders each page of a PDF with pdftoppm and reads its QR codes with zbarimg. */
export async function decodePdfQr(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-pdf-'));
  try {
    await writeFile(join(dir, 'ticket.pdf'), pdf);
    await run('pdftoppm', ['-r', '150', '-png', join(dir, 'ticket.pdf'), join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const texts: string[] = [];
    for (const page of pages) {
      const { stdout } = await run('zbarimg', ['--raw', '-q', join(dir, page)]);
      texts.push(...stdout.split('\n').filter(Boolean));
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

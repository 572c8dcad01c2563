// Test support: QR codes in images and PDFs read back by zbar (zbarimg), a decoder that shares no
// code with the `qrcode` package that drew them nor with the zxing we scan with.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The text of the QR code in a PNG, read by zbarimg. (zxing-js misses up to one in eight of these
 * pristine, pixel-exact images while zbar reads every one: a limit of that decoder with images
 * no camera makes, not of the codes.)
 */
export async function zbarPng(png: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-qr-'));
  try {
    await writeFile(join(dir, 'qr.png'), png);
    const { stdout } = await run('zbarimg', ['--raw', '-q', join(dir, 'qr.png')]);
    return stdout.replace(/\n$/, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Renders each page of a PDF with pdftoppm and reads its QR codes with zbarimg. */
export async function zbarPdf(pdf: Buffer): Promise<string[]> {
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

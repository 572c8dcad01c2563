import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  ResultMetadataType,
  RGBLuminanceSource,
} from '@zxing/library';

// Test support: reads a served QR image back the way a scanner would. PNG goes through ImageMagick
// (`convert`) into grey pixels; SVG is first drawn by Chromium (ImageMagick's own SVG renderer
// draws qrcode's stroked paths as rounded pills). @zxing/library decodes the pixels. None of them
// shares code with the `qrcode` package that drew the image, so a match is a real round trip.

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black to 255 white, row-major. */
  pixels: Uint8Array;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? 'chromium';

/**
 * How a camera may see a code on a screen, as ImageMagick options: as it is, farther away, out
 * of focus. zxing's detector misses some codes scaled by a fraction on screen (module edges a
 * pixel apart) that it reads from one of the others.
 */
export const CAMERA_VIEWS: readonly (readonly string[])[] = [
  [],
  ['-resize', '50%'],
  ['-blur', '0x1'],
  ['-resize', '75%'],
  ['-blur', '0x2'],
];

/** Rasterizes an image into 8-bit grey, seen as `view`; an SVG is drawn `size` pixels square. */
export async function rasterize(
  image: Buffer | string,
  format: 'png' | 'svg',
  size = 480,
  view: readonly string[] = [],
): Promise<GreyImage> {
  const png = format === 'png' ? Buffer.from(image) : await drawSvg(image, size);
  const pgm = await run(
    'convert',
    ['png:-', '-flatten', ...view, '-colorspace', 'Gray', '-depth', '8', 'pgm:-'],
    png,
  );
  return readPgm(pgm);
}

async function drawSvg(svg: Buffer | string, size: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-qr-'));
  try {
    await writeFile(join(dir, 'qr.svg'), svg);
    await run(CHROMIUM, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--window-size=${size},${size}`,
      `--screenshot=${join(dir, 'qr.png')}`,
      pathToFileURL(join(dir, 'qr.svg')).href,
    ]);
    return await readFile(join(dir, 'qr.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], stdin?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { encoding: 'buffer', maxBuffer: 64 << 20, timeout: 30_000 },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
    child.stdin!.end(stdin);
  });
}

/** Binary PGM (P5, maxval 255). */
function readPgm(pgm: Buffer): GreyImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('convert did not write an 8-bit PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length, header[0].length + width * height);
  if (pixels.length !== width * height) throw new Error('PGM is truncated');
  return { width, height, pixels };
}

export interface DecodedQr {
  text: string;
  /** L, M, Q or H. */
  errorCorrection: string;
}

/**
 * Decodes the one QR code in the image; throws when there is none. zxing's detector misses the
 * finder patterns of some clean codes (about one in fifteen of our ticket tokens drawn at 480 px):
 * the image transposed (a mirrored code, which zxing reads) is tried next, and last zxing's
 * PURE_BARCODE mode, made for a clean upright code on white, which reads the modules without the
 * detector. Each still decodes the pixels, so a match remains a real round trip.
 */
export function decodeQr(image: GreyImage): DecodedQr {
  const attempts = [
    () => decodeOnce(image),
    () => decodeOnce(transpose(image)),
    () => decodeOnce(image, true),
  ];
  let first: unknown;
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch (err) {
      first ??= err;
    }
  }
  throw first;
}

function transpose(image: GreyImage): GreyImage {
  const pixels = new Uint8Array(image.pixels.length);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++)
      pixels[x * image.height + y] = image.pixels[y * image.width + x]!;
  }
  return { width: image.height, height: image.width, pixels };
}

function decodeOnce(image: GreyImage, pure = false): DecodedQr {
  const source = new RGBLuminanceSource(
    new Uint8ClampedArray(image.pixels),
    image.width,
    image.height,
  );
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
    ...(pure ? [[DecodeHintType.PURE_BARCODE, true] as const] : []),
  ]);
  const result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
  return {
    text: result.getText(),
    errorCorrection: String(
      result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL),
    ),
  };
}

/** Width in pixels of the white margin on every side (the smallest of the four). */
export function quietZonePixels(image: GreyImage): number {
  const dark = (x: number, y: number) => image.pixels[y * image.width + x]! < 128;
  let top = image.height;
  let bottom = image.height;
  let left = image.width;
  let right = image.width;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!dark(x, y)) continue;
      top = Math.min(top, y);
      bottom = Math.min(bottom, image.height - 1 - y);
      left = Math.min(left, x);
      right = Math.min(right, image.width - 1 - x);
    }
  }
  return Math.min(top, bottom, left, right);
}

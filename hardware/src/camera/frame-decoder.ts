import {
  BarcodeFormat,
  BinaryBitmap,
  ChecksumException,
  DecodeHintType,
  FormatException,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  RGBLuminanceSource,
} from '@zxing/library';
import { HardwareError } from '../errors.js';

/** One camera frame, 4 bytes per pixel (RGBA), row-major, as canvas ImageData or v4l2 RGBA. */
export interface RgbaFrame {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export type CameraFormat = 'qr' | 'code128' | 'pdf417';

export interface FrameDecoderOptions {
  formats?: readonly CameraFormat[];
  /** zxing's slower, more thorough pass (also tries 1D codes rotated by 90°). */
  tryHarder?: boolean;
}

export interface DecodedFrame {
  text: string;
  format: CameraFormat;
}

const ZXING_FORMAT: Record<CameraFormat, BarcodeFormat> = {
  qr: BarcodeFormat.QR_CODE,
  code128: BarcodeFormat.CODE_128,
  pdf417: BarcodeFormat.PDF_417,
};

const PASSES = ['plain', 'denoised', 'transposed'] as const;
type Pass = (typeof PASSES)[number];

/** Decodes QR, Code 128 and PDF417 from RGBA frames with @zxing/library; reuses one reader. */
export class FrameDecoder {
  private readonly reader = new MultiFormatReader();
  private luminance = new Uint8ClampedArray(0);
  private transposedLuminance = new Uint8ClampedArray(0);
  private denoised = new Uint8ClampedArray(0);
  private scratch = new Uint16Array(0);

  constructor(options: FrameDecoderOptions = {}) {
    const formats = options.formats ?? ['qr', 'code128', 'pdf417'];
    const hints = new Map<DecodeHintType, unknown>();
    hints.set(
      DecodeHintType.POSSIBLE_FORMATS,
      formats.map((f) => ZXING_FORMAT[f]),
    );
    if (options.tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
    this.reader.setHints(hints);
  }

  private nextPass = 0;

  /** The code in the frame, trying every pass; undefined when there is none. */
  decode(frame: RgbaFrame): DecodedFrame | undefined {
    const lum = this.luminanceOf(frame);
    for (const pass of PASSES) {
      const found = this.run(pass, lum, frame.width, frame.height);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * One pass per frame, a different one each time: for a camera stream, where a code stays in
   * view for many frames, this finds what `decode` finds at a third of the cost per frame.
   */
  decodeStreaming(frame: RgbaFrame): DecodedFrame | undefined {
    const lum = this.luminanceOf(frame);
    const pass = PASSES[this.nextPass] ?? 'plain';
    this.nextPass = (this.nextPass + 1) % PASSES.length;
    return this.run(pass, lum, frame.width, frame.height);
  }

  private luminanceOf(frame: RgbaFrame): Uint8ClampedArray {
    const { width, height, data } = frame;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new HardwareError(
        'frame_invalid',
        `frame size ${width}x${height} is not a positive integer size`,
      );
    }
    if (data.length !== width * height * 4) {
      throw new HardwareError(
        'frame_invalid',
        `frame of ${width}x${height} needs ${width * height * 4} RGBA bytes, got ${data.length}`,
      );
    }
    return this.toLuminance(data, width * height);
  }

  private run(
    pass: Pass,
    lum: Uint8ClampedArray,
    width: number,
    height: number,
  ): DecodedFrame | undefined {
    switch (pass) {
      case 'plain':
        return this.decodeLuminance(lum, width, height);
      case 'denoised':
        // zxing's local threshold turns sensor noise on white paper into speckle; a 3×3 mean removes it.
        return this.decodeLuminance(this.denoise(lum, width, height), width, height);
      case 'transposed':
        // zxing's QR detector can take a finder-like blob in the data area for a corner and
        // then fail; seen transposed it picks the right three. Denoised too, for noisy frames.
        return this.decodeLuminance(
          this.transpose(this.denoise(lum, width, height), width, height),
          height,
          width,
        );
    }
  }

  private decodeLuminance(
    lum: Uint8ClampedArray,
    width: number,
    height: number,
  ): DecodedFrame | undefined {
    try {
      const bitmap = new BinaryBitmap(
        new HybridBinarizer(new RGBLuminanceSource(lum, width, height)),
      );
      const result = this.reader.decodeWithState(bitmap);
      const format = formatName(result.getBarcodeFormat());
      return format ? { text: result.getText(), format } : undefined;
    } catch (err) {
      if (
        err instanceof NotFoundException ||
        err instanceof ChecksumException ||
        err instanceof FormatException
      ) {
        return undefined;
      }
      throw err;
    }
  }

  private toLuminance(rgba: Uint8Array | Uint8ClampedArray, pixels: number): Uint8ClampedArray {
    if (this.luminance.length !== pixels) this.luminance = new Uint8ClampedArray(pixels);
    const lum = this.luminance;
    for (let i = 0, p = 0; i < pixels; i++, p += 4) {
      // Rec. 601 weights in fixed point; alpha is ignored (camera frames are opaque).
      lum[i] = ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
    }
    return lum;
  }

  private denoise(lum: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
    if (this.scratch.length !== lum.length) this.scratch = new Uint16Array(lum.length);
    if (this.denoised.length !== lum.length) this.denoised = new Uint8ClampedArray(lum.length);
    const rows = this.scratch;
    const out = this.denoised;
    // Separable 3×3 box: horizontal sums, then vertical; edges reuse the nearest pixel.
    for (let y = 0; y < height; y++) {
      const r = y * width;
      for (let x = 0; x < width; x++) {
        const l = lum[r + (x > 0 ? x - 1 : x)] ?? 0;
        const c = lum[r + x] ?? 0;
        const rt = lum[r + (x < width - 1 ? x + 1 : x)] ?? 0;
        rows[r + x] = l + c + rt;
      }
    }
    for (let y = 0; y < height; y++) {
      const up = (y > 0 ? y - 1 : y) * width;
      const mid = y * width;
      const down = (y < height - 1 ? y + 1 : y) * width;
      for (let x = 0; x < width; x++) {
        out[mid + x] = ((rows[up + x] ?? 0) + (rows[mid + x] ?? 0) + (rows[down + x] ?? 0)) / 9;
      }
    }
    return out;
  }

  private transpose(lum: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
    if (this.transposedLuminance.length !== lum.length)
      this.transposedLuminance = new Uint8ClampedArray(lum.length);
    const out = this.transposedLuminance;
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) out[x * height + y] = lum[row + x] ?? 0;
    }
    return out;
  }
}

function formatName(format: BarcodeFormat): CameraFormat | undefined {
  for (const [name, value] of Object.entries(ZXING_FORMAT)) {
    if (value === format) return name as CameraFormat;
  }
  return undefined;
}

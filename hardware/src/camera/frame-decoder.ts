import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  ChecksumException,
  FormatException,
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

/** Decodes QR, Code 128 and PDF417 from RGBA frames with @zxing/library; reuses one reader. */
export class FrameDecoder {
  private readonly reader = new MultiFormatReader();
  private luminance = new Uint8ClampedArray(0);

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

  /** The code in the frame, or undefined when there is none (the usual case for a camera). */
  decode(frame: RgbaFrame): DecodedFrame | undefined {
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
    const lum = this.toLuminance(data, width * height);
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
}

function formatName(format: BarcodeFormat): CameraFormat | undefined {
  for (const [name, value] of Object.entries(ZXING_FORMAT)) {
    if (value === format) return name as CameraFormat;
  }
  return undefined;
}

import { HardwareError } from '../errors.js';

/**
 * One badge layout, in millimetres from the top-left corner, rendered to ZPL and to PDF alike.
 * Text sizes are in points (1/72 inch) so they mean the same on both.
 */
export type TextAlign = 'left' | 'center' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export interface TextElement {
  kind: 'text';
  text: string;
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  /** Preferred size; long text shrinks towards `minFontSizePt` before it is cut. */
  fontSizePt: number;
  minFontSizePt?: number;
  maxLines?: number;
  align?: TextAlign;
  bold?: boolean;
}

export interface QrElement {
  kind: 'qr';
  data: string;
  xMm: number;
  yMm: number;
  sizeMm: number;
  errorCorrection?: QrErrorCorrection;
}

export interface ImageElement {
  kind: 'image';
  /** PNG bytes; scaled to fit the box, keeping its aspect ratio. */
  png: Uint8Array;
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

export type BadgeElement = TextElement | QrElement | ImageElement;

export interface BadgeLayout {
  widthMm: number;
  heightMm: number;
  elements: BadgeElement[];
}

/** What a standard badge shows. `qr` is printed verbatim as a QR code. */
export interface BadgeContent {
  name: string;
  company?: string;
  subtitle?: string;
  qr: string;
  logo?: Uint8Array;
}

/** 3 × 4 inch portrait label: the common size for Zebra desktop badge printers. */
export const STANDARD_BADGE_SIZE = { widthMm: 76.2, heightMm: 101.6 } as const;

export function standardBadgeLayout(
  content: BadgeContent,
  size: { widthMm: number; heightMm: number } = STANDARD_BADGE_SIZE,
): BadgeLayout {
  validateContent(content);
  // Proportions of the 3 × 4 inch design, so other label sizes scale rather than overflow.
  // Every line is bold: one embedded font per badge renders in half the time of two, and
  // bold reads better across a room.
  const w = size.widthMm;
  const h = size.heightMm;
  const ky = h / 101.6;
  const kx = w / 76.2;
  const k = Math.min(kx, ky);
  const margin = 4 * kx;
  const inner = w - 2 * margin;
  const elements: BadgeElement[] = [];
  if (content.logo) {
    elements.push({
      kind: 'image',
      png: content.logo,
      xMm: margin,
      yMm: 4 * ky,
      widthMm: inner,
      heightMm: 12 * ky,
    });
  }
  elements.push({
    kind: 'text',
    text: content.name,
    xMm: margin,
    yMm: 18 * ky,
    widthMm: inner,
    heightMm: 24 * ky,
    fontSizePt: 30 * k,
    minFontSizePt: 12 * k,
    // Three short lines at a large size read better than two long ones at a small size.
    maxLines: 3,
    align: 'center',
    bold: true,
  });
  if (content.company) {
    elements.push({
      kind: 'text',
      text: content.company,
      xMm: margin,
      yMm: 43 * ky,
      widthMm: inner,
      heightMm: 9 * ky,
      fontSizePt: 16 * k,
      minFontSizePt: 9 * k,
      maxLines: 1,
      align: 'center',
      bold: true,
    });
  }
  if (content.subtitle) {
    elements.push({
      kind: 'text',
      text: content.subtitle,
      xMm: margin,
      yMm: 53 * ky,
      widthMm: inner,
      heightMm: 7 * ky,
      fontSizePt: 12 * k,
      minFontSizePt: 8 * k,
      maxLines: 1,
      align: 'center',
      bold: true,
    });
  }
  const qrSize = Math.min(34 * k, w - 2 * margin);
  elements.push({
    kind: 'qr',
    data: content.qr,
    xMm: (w - qrSize) / 2,
    yMm: 62 * ky,
    sizeMm: qrSize,
    errorCorrection: 'M',
  });
  return { widthMm: w, heightMm: h, elements };
}

function validateContent(content: BadgeContent): void {
  if (typeof content.name !== 'string' || content.name.trim() === '') {
    throw new HardwareError('badge_invalid', 'a badge needs a non-empty name');
  }
  if (typeof content.qr !== 'string' || content.qr === '') {
    throw new HardwareError('badge_invalid', 'a badge needs the text to encode in its QR code');
  }
}

/**
 * Reads the badge data file of `lanyard badge render|print`:
 * `{"name", "company"?, "ticketType"?, "token"}`. The token is only ever the QR's text here.
 */
export function badgeContentFromJson(value: unknown): BadgeContent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HardwareError('badge_invalid', 'badge data must be a JSON object');
  }
  const v = value as Record<string, unknown>;
  const str = (key: string, required: boolean): string | undefined => {
    const x = v[key];
    if (x === undefined || x === null) {
      if (required) throw new HardwareError('badge_invalid', `badge data needs "${key}"`);
      return undefined;
    }
    if (typeof x !== 'string')
      throw new HardwareError('badge_invalid', `"${key}" must be a string`);
    return x;
  };
  const content: BadgeContent = { name: str('name', true) ?? '', qr: str('token', true) ?? '' };
  const company = str('company', false);
  const ticketType = str('ticketType', false);
  if (company) content.company = company;
  if (ticketType) content.subtitle = ticketType;
  validateContent(content);
  return content;
}

export const MM_PER_INCH = 25.4;
export const mmToPt = (mm: number): number => (mm * 72) / MM_PER_INCH;
export const mmToDots = (mm: number, dpi: number): number => Math.round((mm * dpi) / MM_PER_INCH);

import QRCode from 'qrcode';
import { pngToMonochrome, monochromeToGfa } from './monochrome-image.js';
import {
  mmToDots,
  mmToPt,
  type BadgeLayout,
  type ImageElement,
  type QrElement,
  type TextElement,
} from './badge-layout.js';
import { fitText } from './text-fit.js';
import { zplTextWidth } from './zpl-text-metrics.js';

export interface ZplOptions {
  /** Print head resolution: 203 (8 dots/mm), 300 or 600. Default 203. */
  dpi?: number;
  /**
   * Font for text font 0 cannot print (beyond Latin-1), as stored on the printer, e.g.
   * "E:TT0003M_.TTF" (Swiss 721, on most Link-OS printers) or a downloaded "E:NOTOCJK.TTF".
   */
  unicodeFont?: string;
  /** Number of copies. */
  copies?: number;
}

const DEFAULT_UNICODE_FONT = 'E:TT0003M_.TTF';

/**
 * Renders a badge as one ZPL II label. ^CI28 makes field data UTF-8, ^FH lets ^ ~ _ appear in
 * names, and each fitted line is placed by us (not ^FB wrapping) so both renderers agree.
 */
export function renderBadgeZpl(layout: BadgeLayout, options: ZplOptions = {}): string {
  const dpi = options.dpi ?? 203;
  const out: string[] = [
    '^XA',
    '^FX Lanyard badge',
    '^CI28',
    `^PW${mmToDots(layout.widthMm, dpi)}`,
    `^LL${mmToDots(layout.heightMm, dpi)}`,
    '^LH0,0',
  ];
  for (const el of layout.elements) {
    if (el.kind === 'text')
      out.push(...zplText(el, dpi, options.unicodeFont ?? DEFAULT_UNICODE_FONT));
    else if (el.kind === 'qr') out.push(...zplQr(el, dpi));
    else out.push(...zplImage(el, dpi));
  }
  out.push(`^PQ${Math.max(1, Math.floor(options.copies ?? 1))}`, '^XZ');
  return out.join('\n') + '\n';
}

function zplText(el: TextElement, dpi: number, unicodeFont: string): string[] {
  const fitted = fitText(
    el.text,
    {
      widthPt: mmToPt(el.widthMm),
      heightPt: mmToPt(el.heightMm),
      fontSizePt: el.fontSizePt,
      ellipsis: '...',
      ...(el.minFontSizePt !== undefined ? { minFontSizePt: el.minFontSizePt } : {}),
      ...(el.maxLines !== undefined ? { maxLines: el.maxLines } : {}),
    },
    zplTextWidth,
  );
  const heightDots = Math.max(10, Math.round((fitted.fontSizePt / 72) * dpi));
  const lineDots = Math.round(heightDots * 1.15);
  const font = needsUnicodeFont(el.text)
    ? `^A@N,${heightDots},${heightDots},${unicodeFont}`
    : `^A0N,${heightDots},${heightDots}`;
  const justify = el.align === 'right' ? 'R' : el.align === 'left' ? 'L' : 'C';
  const x = mmToDots(el.xMm, dpi);
  const width = mmToDots(el.widthMm, dpi);
  // Centre the block of lines vertically in its box.
  const top =
    mmToDots(el.yMm, dpi) +
    Math.max(0, Math.round((mmToDots(el.heightMm, dpi) - lineDots * fitted.lines.length) / 2));
  return fitted.lines.map(
    (line, i) =>
      `^FO${x},${top + i * lineDots}${font}^FB${width},1,0,${justify},0^FH^FD${escapeFieldData(line)}^FS`,
  );
}

function zplQr(el: QrElement, dpi: number): string[] {
  const ec = el.errorCorrection ?? 'M';
  const modules = QRCode.create(el.data, { errorCorrectionLevel: ec }).modules.size;
  const sizeDots = mmToDots(el.sizeMm, dpi);
  // ^BQ magnification is whole dots per module, 1-10.
  const magnification = Math.min(10, Math.max(1, Math.floor(sizeDots / modules)));
  const drawn = modules * magnification;
  const x = mmToDots(el.xMm, dpi) + Math.floor((sizeDots - drawn) / 2);
  const y = mmToDots(el.yMm, dpi) + Math.floor((sizeDots - drawn) / 2);
  // Field data: error correction level, "A" (automatic input mode), comma, the text.
  return [`^FO${x},${y}^BQN,2,${magnification}^FH^FD${ec}A,${escapeFieldData(el.data)}^FS`];
}

function zplImage(el: ImageElement, dpi: number): string[] {
  const box = { width: mmToDots(el.widthMm, dpi), height: mmToDots(el.heightMm, dpi) };
  const image = pngToMonochrome(el.png, box);
  const x = mmToDots(el.xMm, dpi) + Math.floor((box.width - image.width) / 2);
  const y = mmToDots(el.yMm, dpi) + Math.floor((box.height - image.height) / 2);
  return [`^FO${x},${y}${monochromeToGfa(image)}^FS`];
}

/** ^ and ~ start commands and _ is our ^FH escape: send them as hex; drop control bytes. */
export function escapeFieldData(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[\^~_]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`)
  );
}

/** Font 0 covers Latin-1 under ^CI28; anything beyond needs a Unicode TrueType font. */
export function needsUnicodeFont(text: string): boolean {
  for (const ch of text) if ((ch.codePointAt(0) ?? 0) > 0xff) return true;
  return false;
}

import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { HardwareError } from '../errors.js';
import {
  mmToPt,
  type BadgeLayout,
  type ImageElement,
  type QrElement,
  type TextElement,
} from './badge-layout.js';
import { chooseFont, DEFAULT_BADGE_FONTS, type BadgeFontCandidates } from './badge-fonts.js';
import { fitText } from './text-fit.js';

export interface PdfOptions {
  fonts?: BadgeFontCandidates;
}

export interface RenderedPdf {
  pdf: Buffer;
  /** Problems a person should hear about, e.g. characters no installed font can show. */
  warnings: string[];
}

/** Renders a badge as a one-page PDF the size of the label, for CUPS printers. */
export async function renderBadgePdf(
  layout: BadgeLayout,
  options: PdfOptions = {},
): Promise<RenderedPdf> {
  const fonts = options.fonts ?? DEFAULT_BADGE_FONTS;
  const warnings: string[] = [];
  const doc = new PDFDocument({
    size: [mmToPt(layout.widthMm), mmToPt(layout.heightMm)],
    margin: 0,
    info: { Title: 'Badge', Producer: 'Lanyard' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    for (const el of layout.elements) {
      if (el.kind === 'text') drawText(doc, el, fonts, warnings);
      else if (el.kind === 'qr') drawQr(doc, el);
      else drawImage(doc, el);
    }
  } catch (err) {
    doc.end();
    throw err instanceof HardwareError
      ? err
      : new HardwareError(
          'badge_invalid',
          `cannot render badge: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
  }
  doc.end();
  return { pdf: await done, warnings };
}

function drawText(
  doc: PDFKit.PDFDocument,
  el: TextElement,
  fonts: BadgeFontCandidates,
  warnings: string[],
): void {
  const choice = chooseFont(el.text, el.bold ?? false, fonts);
  let text = el.text;
  if (choice.missing.length > 0) {
    warnings.push(
      `no installed font shows ${choice.missing.join('')} in "${el.text}"; printed as "?"`,
    );
    for (const ch of choice.missing) text = text.split(ch).join('?');
  }
  doc.font(choice.kind === 'file' ? choice.path : choice.name);
  const measure = (s: string, size: number) => doc.fontSize(size).widthOfString(s);
  const lineHeight = 1.15;
  const fitted = fitText(
    text,
    {
      widthPt: mmToPt(el.widthMm),
      heightPt: mmToPt(el.heightMm),
      fontSizePt: el.fontSizePt,
      lineHeight,
      ...(el.minFontSizePt !== undefined ? { minFontSizePt: el.minFontSizePt } : {}),
      ...(el.maxLines !== undefined ? { maxLines: el.maxLines } : {}),
    },
    measure,
  );
  if (fitted.truncated) warnings.push(`"${el.text}" is too long for its box and was cut`);
  const step = fitted.fontSizePt * lineHeight;
  const x = mmToPt(el.xMm);
  const top = mmToPt(el.yMm) + Math.max(0, (mmToPt(el.heightMm) - step * fitted.lines.length) / 2);
  doc.fontSize(fitted.fontSizePt).fillColor('black');
  fitted.lines.forEach((line, i) => {
    doc.text(line, x, top + i * step, {
      width: mmToPt(el.widthMm),
      align: el.align ?? 'center',
      lineBreak: false,
    });
  });
}

function drawQr(doc: PDFKit.PDFDocument, el: QrElement): void {
  const qr = QRCode.create(el.data, { errorCorrectionLevel: el.errorCorrection ?? 'M' });
  const n = qr.modules.size;
  const module = mmToPt(el.sizeMm) / n;
  const x0 = mmToPt(el.xMm);
  const y0 = mmToPt(el.yMm);
  for (let row = 0; row < n; row++) {
    // Runs of dark modules as one rectangle: smaller PDF, no hairline seams between modules.
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      doc.rect(x0 + start * module, y0 + row * module, (col - start) * module, module);
    }
  }
  doc.fillColor('black').fill();
}

function drawImage(doc: PDFKit.PDFDocument, el: ImageElement): void {
  const w = mmToPt(el.widthMm);
  const h = mmToPt(el.heightMm);
  doc.image(Buffer.from(el.png), mmToPt(el.xMm), mmToPt(el.yMm), {
    fit: [w, h],
    align: 'center',
    valign: 'center',
  });
}

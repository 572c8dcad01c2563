import PDFDocument from 'pdfkit';
import { HardwareError } from '../errors.js';
import {
  mmToPt,
  type BadgeLayout,
  type ImageElement,
  type QrElement,
  type TextElement,
} from './badge-layout.js';
import {
  DEFAULT_BADGE_FONTS,
  planFonts,
  type BadgeFontCandidates,
  type FontRef,
} from './badge-fonts.js';
import { fitText } from './text-fit.js';
import { qrSymbol } from '../qr/qr-symbol.js';

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
  const plan = planFonts(el.text, el.bold ?? false, fonts);
  if (plan.missing.length > 0) {
    warnings.push(
      `no installed font shows ${plan.missing.join('')} in "${el.text}"; printed as "?"`,
    );
  }
  // A parsed font, not its file: pdfkit (patched, see patches/) then reuses what fontkit decoded.
  const useFont = (font: FontRef) =>
    font.kind === 'file'
      ? doc.font(font.font as unknown as Buffer, font.path)
      : doc.font(font.name);
  const runWidths = (s: string, size: number) =>
    plan.runs(s).map((run) => {
      useFont(run.font);
      return { run, width: doc.fontSize(size).widthOfString(run.text) };
    });
  const measure = (s: string, size: number) =>
    runWidths(s, size).reduce((sum, r) => sum + r.width, 0);
  const lineHeight = 1.15;
  const fitted = fitText(
    el.text,
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
  const boxX = mmToPt(el.xMm);
  const boxW = mmToPt(el.widthMm);
  const top = mmToPt(el.yMm) + Math.max(0, (mmToPt(el.heightMm) - step * fitted.lines.length) / 2);
  doc.fillColor('black');
  fitted.lines.forEach((line, i) => {
    const runs = runWidths(line, fitted.fontSizePt);
    const total = runs.reduce((sum, r) => sum + r.width, 0);
    const align = el.align ?? 'center';
    let x =
      align === 'left' ? boxX : align === 'right' ? boxX + boxW - total : boxX + (boxW - total) / 2;
    for (const { run, width } of runs) {
      useFont(run.font);
      doc.fontSize(fitted.fontSizePt).text(run.text, x, top + i * step, { lineBreak: false });
      x += width;
    }
  });
}

function drawQr(doc: PDFKit.PDFDocument, el: QrElement): void {
  const qr = qrSymbol(el.data, el.errorCorrection ?? 'M');
  const n = qr.size;
  const module = mmToPt(el.sizeMm) / n;
  const x0 = mmToPt(el.xMm);
  const y0 = mmToPt(el.yMm);
  for (let row = 0; row < n; row++) {
    // Runs of dark modules as one rectangle: smaller PDF, no hairline seams between modules.
    let col = 0;
    while (col < n) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.isDark(row, col)) col++;
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

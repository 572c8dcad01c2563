import { FrameDecoder } from '../src/camera/frame-decoder.js';
import { badgeContentFromJson, standardBadgeLayout } from '../src/printers/badge-layout.js';
import { renderBadgePdf } from '../src/printers/pdf-render.js';
import { fixture } from './support/fixtures.js';
import { makePng, pdfText, pdfToFrame } from './support/png-frame.js';

const decoder = new FrameDecoder({ formats: ['qr'] });

describe('PDF badges', () => {
  it.each(['short-name', 'long-name', 'non-latin'])(
    'rasterised by pdftoppm, the %s badge QR decodes to its token',
    async (name) => {
      const data = fixture<{ token: string }>(`badges/${name}.json`);
      const { pdf } = await renderBadgePdf(standardBadgeLayout(badgeContentFromJson(data)));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(decoder.decode(pdfToFrame(pdf, 150))?.text).toBe(data.token);
    },
  );

  it('is one page the size of the label', async () => {
    const { pdf } = await renderBadgePdf(standardBadgeLayout({ name: 'Ana', qr: 'x' }));
    // 76.2 × 101.6 mm = 216 × 288 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 216 288\]/);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('embeds fonts that carry Cyrillic and CJK names as text', async () => {
    const data = fixture<{ name: string }>('badges/non-latin.json');
    const { pdf, warnings } = await renderBadgePdf(standardBadgeLayout(badgeContentFromJson(data)));
    const text = pdfText(pdf);
    expect(text).toContain('Дмитрий');
    expect(text).toContain('山田太郎');
    expect(warnings).toEqual([]);
  });

  it('shrinks a long name instead of letting it run off the badge, and says when it cut text', async () => {
    const data = fixture<{ name: string; company: string }>('badges/long-name.json');
    const { pdf, warnings } = await renderBadgePdf(standardBadgeLayout(badgeContentFromJson(data)));
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Maximilian Alexander');
    expect(text).toContain('Hohenzollern-Sigmaringen');
    expect(warnings.some((w) => w.includes(data.company))).toBe(true);
  });

  it('falls back to the built-in font with a warning when no font file is available', async () => {
    const { pdf, warnings } = await renderBadgePdf(
      standardBadgeLayout({ name: 'Zoë Дмитрий', qr: 'x' }),
      {
        fonts: { regular: ['/nonexistent.ttf'], bold: ['/nonexistent-bold.ttf'] },
      },
    );
    expect(pdfText(pdf)).toContain('Zoë');
    expect(warnings.join('\n')).toMatch(/no installed font shows Д.* in "Zoë Дмитрий"/);
  });

  it('draws a logo', async () => {
    const logo = makePng(60, 20, (x, y) => (x + y) % 2 === 0);
    const { pdf } = await renderBadgePdf(standardBadgeLayout({ name: 'Ana', qr: 'LOGO-1', logo }));
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
    expect(decoder.decode(pdfToFrame(pdf, 150))?.text).toBe('LOGO-1');
  });

  it('rejects a logo that is not a PNG with a typed error', async () => {
    const layout = standardBadgeLayout({ name: 'Ana', qr: 'x', logo: Buffer.from('not a png') });
    await expect(renderBadgePdf(layout)).rejects.toMatchObject({ code: 'badge_invalid' });
  });
});

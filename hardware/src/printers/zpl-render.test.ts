import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fixture, fixturePath } from '../../test/support/fixtures.js';
import { makePng } from '../../test/support/png-frame.js';
import { badgeContentFromJson, standardBadgeLayout } from './badge-layout.js';
import { escapeFieldData, renderBadgeZpl } from './zpl-render.js';

// UPDATE_GOLDEN=1 writes the golden files; review the diff before committing it. Otherwise a
// missing golden fails: written from the output under test, it would only compare it to itself.
function expectGolden(name: string, zpl: string): void {
  const path = fixturePath(`badges/${name}.zpl`);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, zpl);
  if (!existsSync(path))
    throw new Error(`golden file ${path} is missing (UPDATE_GOLDEN=1 writes it)`);
  expect(zpl).toBe(readFileSync(path, 'utf8'));
}

const badge = (name: string) =>
  standardBadgeLayout(badgeContentFromJson(fixture(`badges/${name}.json`)));
const fieldData = (zpl: string) => [...zpl.matchAll(/\^FD(.*?)\^FS/g)].map((m) => m[1]);

describe('renderBadgeZpl', () => {
  it.each(['short-name', 'long-name', 'non-latin'])(
    'renders the %s badge exactly as its golden file',
    (name) => {
      expectGolden(name, renderBadgeZpl(badge(name)));
    },
  );

  it('switches the printer to UTF-8 and puts the token in a QR field', () => {
    const data = fixture<{ token: string }>('badges/short-name.json');
    const zpl = renderBadgeZpl(badge('short-name'));
    expect(zpl.startsWith('^XA\n')).toBe(true);
    expect(zpl).toContain('^CI28');
    expect(zpl).toMatch(/\^BQN,2,\d+\^FH\^FDMA,/);
    expect(fieldData(zpl)).toContain(`MA,${data.token}`);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
  });

  it('keeps a short name on one line at full size and wraps and shrinks a long one', () => {
    const short = renderBadgeZpl(badge('short-name'));
    const long = renderBadgeZpl(badge('long-name'));
    const nameHeight = (zpl: string) => Number(/\^A0N,(\d+),/.exec(zpl)?.[1]);
    expect(fieldData(short)[0]).toBe('Ana Li');
    expect(nameHeight(long)).toBeLessThan(nameHeight(short));
    const nameLines = fieldData(long).filter((d) =>
      /Maximilian|Hohenzollern|Friedrich/.test(d ?? ''),
    );
    expect(nameLines.length).toBeGreaterThanOrEqual(2);
    expect(nameLines.length).toBeLessThanOrEqual(3);
    expect(nameLines.join(' ')).toBe('Maximilian Alexander Friedrich von Hohenzollern-Sigmaringen');
  });

  it('prints non-Latin names in UTF-8 with a Unicode font and escapes ZPL control characters', () => {
    const zpl = renderBadgeZpl(badge('non-latin'), { unicodeFont: 'E:NOTOCJK.TTF' });
    expect(zpl).toContain('^A@N,');
    expect(zpl).toContain('E:NOTOCJK.TTF');
    expect(zpl).toContain('Дмитрий');
    expect(zpl).toContain('Ωmega_5FLabs _5E_7E');
  });

  it('scales to the printer resolution', () => {
    const at203 = renderBadgeZpl(badge('short-name'), { dpi: 203 });
    const at300 = renderBadgeZpl(badge('short-name'), { dpi: 300 });
    expect(at203).toContain('^PW609');
    expect(at300).toContain('^PW900');
  });

  it('embeds a logo as a ^GFA graphic of the right size', () => {
    const logo = makePng(40, 10, (x) => x < 20);
    const layout = standardBadgeLayout({ name: 'Ana', qr: 'x', logo });
    const zpl = renderBadgeZpl(layout);
    const gfa = /\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS/.exec(zpl);
    expect(gfa).not.toBeNull();
    const [, total, , perRow, hex] = gfa ?? [];
    expect(hex?.length).toBe(Number(total) * 2);
    expect(Number(total) % Number(perRow)).toBe(0);
    // Left half black, right half white.
    expect(hex?.startsWith('FF')).toBe(true);
    expect(hex?.slice(Number(perRow) * 2 - 2, Number(perRow) * 2)).toBe('00');
  });

  it('refuses a badge without a name or without QR text', () => {
    expect(() => standardBadgeLayout({ name: '  ', qr: 'x' })).toThrow(
      expect.objectContaining({ code: 'badge_invalid' }),
    );
    expect(() => badgeContentFromJson({ name: 'A' })).toThrow(/token/);
    expect(() => badgeContentFromJson({ name: 'A', token: 5 })).toThrow(/"token" must be a string/);
    expect(() => badgeContentFromJson([])).toThrow(
      expect.objectContaining({ code: 'badge_invalid' }),
    );
  });

  it('drops control characters from field data', () => {
    expect(escapeFieldData('A\u0000B\nC')).toBe('ABC');
  });
});

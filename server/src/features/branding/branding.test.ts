import { textOn, contrastRatio } from './colour.js';
import { consentDocuments, consentRecord } from './consent.js';
import { imageProblem, sniffImageType } from './images.js';

describe('text on the accent colour', () => {
  it('picks black or white, whichever reads better, at least 4.5:1 on mid tones', () => {
    expect(textOn('#1f4fd1')).toBe('#ffffff');
    expect(textOn('#ffd400')).toBe('#000000');
    for (const c of ['#1f4fd1', '#ffd400', '#777777', '#00a000', '#e00000'])
      expect(contrastRatio(c, textOn(c))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('uploaded images', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const webp = Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
  it('takes PNG, JPEG and WebP by their bytes, as the type claimed', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(imageProblem(png, 'image/png')).toBeUndefined();
    expect(imageProblem(png, 'image/jpeg')).toBe('is image/png, not image/jpeg');
    expect(imageProblem(Buffer.from('<svg/>'), 'image/png')).toBe(
      'is not a PNG, JPEG or WebP image',
    );
    expect(imageProblem(new Uint8Array(0), 'image/png')).toBe('is empty');
    expect(imageProblem(new Uint8Array(512 * 1024 + 1), 'image/png')).toBe(
      'must be at most 512 KiB',
    );
  });
});

describe('consent', () => {
  const docs = consentDocuments({ termsUrl: 'https://e.org/terms', privacyUrl: null });
  it('asks only for the documents the event links', () => {
    expect(docs).toEqual([{ document: 'terms', url: 'https://e.org/terms' }]);
    expect(consentRecord([], undefined, new Date())).toBeNull();
  });
  it('refuses without agreement and records the documents and time with it', () => {
    expect(() => consentRecord(docs, false, new Date())).toThrow(/consent/);
    expect(() => consentRecord(docs, undefined, new Date())).toThrow(/consent/);
    const at = new Date('2027-01-02T03:04:05Z');
    expect(consentRecord(docs, true, at)).toEqual({ documents: docs, at: at.toISOString() });
  });
});

import { smsLength } from './sms-segments.js';

describe('smsLength', () => {
  it('counts GSM-7 texts in septets: 160 in one SMS, 153 per part beyond', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
  });

  it('counts the extension table’s characters twice', () => {
    expect(smsLength('€[]')).toEqual({ encoding: 'GSM-7', units: 6, segments: 1 });
    expect(smsLength('Zoë? Ñandú: ok').encoding).toBe('UCS-2'); // ë is not in GSM-7
    expect(smsLength('Müller, Søren, Ålesund').encoding).toBe('GSM-7');
  });

  it('falls back to UCS-2 for anything else: 70 in one, 67 per part, emoji two units', () => {
    expect(smsLength('Привет')).toEqual({ encoding: 'UCS-2', units: 6, segments: 1 });
    expect(smsLength('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsLength('😀'.repeat(36))).toEqual({ encoding: 'UCS-2', units: 72, segments: 2 });
  });
});

import { isPhoneRegion, normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it('reads national numbers with the default country', () => {
    expect(normalizePhone('030 1234567', 'DE')).toEqual({ ok: true, e164: '+49301234567' });
    expect(normalizePhone('(415) 555-2671', 'US')).toEqual({ ok: true, e164: '+14155552671' });
    expect(normalizePhone('07911 123456', 'GB')).toEqual({ ok: true, e164: '+447911123456' });
  });

  it('takes international numbers whatever the default, with spaces, dashes and dots', () => {
    expect(normalizePhone(' +49 30-123.4567 ', 'US')).toEqual({ ok: true, e164: '+49301234567' });
    expect(normalizePhone('+41 44 668 18 00')).toEqual({ ok: true, e164: '+41446681800' });
    expect(normalizePhone('0049 30 1234567', 'DE')).toEqual({ ok: true, e164: '+49301234567' });
  });

  it('refuses a national number when no country is known', () => {
    const r = normalizePhone('030 1234567');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/country code/);
  });

  it('refuses numbers that cannot exist and text that is no number', () => {
    expect(normalizePhone('+49 12', 'DE').ok).toBe(false);
    expect(normalizePhone('+1 555 0100 99999', 'US').ok).toBe(false);
    expect(normalizePhone('call me', 'DE').ok).toBe(false);
    expect(normalizePhone('+49 30 1234567\r\nX: y', 'DE').ok).toBe(false);
    expect(normalizePhone('', 'DE').ok).toBe(false);
  });

  it('knows the regions of the metadata', () => {
    expect(isPhoneRegion('DE')).toBe(true);
    expect(isPhoneRegion('XX')).toBe(false);
  });
});

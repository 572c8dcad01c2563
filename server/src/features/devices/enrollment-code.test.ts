import {
  canonicalEnrollmentCode,
  enrollmentUri,
  staffAppEnrollmentUrl,
  hashEnrollmentCode,
  newEnrollmentCode,
} from './enrollment-code.js';

describe('enrollment codes', () => {
  it('are five groups of five characters, different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newEnrollmentCode()));
    expect(codes.size).toBe(200);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
  });

  it('are recognised whatever the case, the separators and the letters mistaken for digits', () => {
    const code = '7KQ2M-9XD41-ZB8HT-0W3VC';
    const canonical = canonicalEnrollmentCode(code);
    expect(canonical).toBe('7KQ2M9XD41ZB8HT0W3VC');
    expect(canonicalEnrollmentCode('7kq2m 9xd4l zb8ht ow3vc')).toBe(canonical);
    expect(hashEnrollmentCode(canonical!)).toBe(
      hashEnrollmentCode(canonicalEnrollmentCode('7kq2m9xd4izb8htow3vc')!),
    );
  });

  it('refuses text that cannot be a code', () => {
    for (const bad of [
      '',
      'short',
      '7KQ2M-9XD41-ZB8HT-0W3V',
      '7KQ2M-9XD41-ZB8HT-0W3VU',
      '💥'.repeat(10),
    ])
      expect(canonicalEnrollmentCode(bad)).toBeUndefined();
  });

  it('travel in a URI that names the server', () => {
    const uri = new URL(enrollmentUri('https://tickets.example.org', 'ABCDE-FGHJK-MNPQR-STVWX'));
    expect(uri.protocol).toBe('lanyard:');
    expect(uri.searchParams.get('server')).toBe('https://tickets.example.org');
    expect(uri.searchParams.get('code')).toBe('ABCDE-FGHJK-MNPQR-STVWX');
  });

  it("travel to the staff phone app in the link's fragment, which no server receives", () => {
    const url = new URL(staffAppEnrollmentUrl('https://tickets.example.org/', 'ABCDE-FGHJK'));
    expect(url.href).toBe('https://tickets.example.org/staff/#enroll=ABCDE-FGHJK');
  });
});

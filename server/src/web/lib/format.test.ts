import { formatEventDates, formatInstant, formatPrice } from './format.js';

describe('formatting for attendees', () => {
  it('shows event dates in the event’s time zone, not the viewer’s', () => {
    const text = formatEventDates(
      '2027-05-01T09:00:00Z',
      '2027-05-02T18:00:00Z',
      'Europe/Berlin',
      'en-GB',
    );
    expect(text).toContain('11:00');
    expect(text).toContain('20:00');
    expect(text).toContain('1 May 2027');
    expect(text).toContain('2 May 2027');
  });

  it('shows a one-day event across midnight UTC on its local day', () => {
    const text = formatEventDates(
      '2027-05-01T23:00:00Z',
      '2027-05-02T03:00:00Z',
      'America/New_York',
      'en-US',
    );
    expect(text).toContain('May 1');
    expect(text).toContain('7:00');
    expect(text).toContain('11:00');
    expect(text).not.toContain('May 2');
  });

  it('shows an instant with its zone', () => {
    expect(formatInstant('2027-01-10T12:30:00Z', 'Asia/Tokyo', 'en-GB')).toMatch(/21:30.*GMT\+9/);
  });

  it('prices in minor units of the currency, and zero as Free', () => {
    expect(formatPrice(9900, 'EUR', 'en-GB')).toBe('€99.00');
    expect(formatPrice(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatPrice(0, 'EUR', 'en-GB')).toBe('Free');
  });
});

import { zonedParts, zonedToUtc } from './zoned-time.js';

describe('zoned time', () => {
  it('shows instants in the event’s zone with the offset of that moment', () => {
    expect(zonedParts('2027-03-28T00:30:00Z', 'Europe/Berlin')).toMatchObject({
      time: '01:30',
      offset: '+01:00',
    });
    expect(zonedParts('2027-03-28T01:00:00Z', 'Europe/Berlin')).toMatchObject({
      date: '2027-03-28',
      time: '03:00',
      iso: '2027-03-28T03:00:00+02:00',
    });
    expect(zonedParts('2027-05-01T23:30:00Z', 'America/New_York')).toMatchObject({
      date: '2027-05-01',
      time: '19:30',
      offset: '-04:00',
    });
  });

  it('reads wall-clock times back, moving a time in the spring gap forward', () => {
    expect(new Date(zonedToUtc('2027-05-01', '09:00', 'Europe/Berlin')).toISOString()).toBe(
      '2027-05-01T07:00:00.000Z',
    );
    expect(new Date(zonedToUtc('2027-03-28', '03:00', 'Europe/Berlin')).toISOString()).toBe(
      '2027-03-28T01:00:00.000Z',
    );
    // 02:30 does not exist that night: read as 03:30 CEST.
    expect(new Date(zonedToUtc('2027-03-28', '02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });

  it('takes the first of the two 02:30s of the autumn night', () => {
    expect(new Date(zonedToUtc('2027-10-31', '02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
    expect(zonedParts('2027-10-31T01:30:00Z', 'Europe/Berlin').iso).toBe(
      '2027-10-31T02:30:00+01:00',
    );
  });
});

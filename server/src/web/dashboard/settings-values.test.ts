import { orNull, toCents, wholeNumber, zonedInstant, zonedLocal } from './settings-values.js';

describe('settings form values', () => {
  it('reads a wall time in the event’s zone, summer and winter', () => {
    expect(zonedInstant('2027-06-10T09:00', 'Europe/Berlin')).toBe('2027-06-10T07:00:00.000Z');
    expect(zonedInstant('2027-01-10T09:00', 'Europe/Berlin')).toBe('2027-01-10T08:00:00.000Z');
    expect(zonedInstant('2027-06-10T09:00', 'America/New_York')).toBe('2027-06-10T13:00:00.000Z');
    expect(zonedInstant('2027-06-10T09:00', 'UTC')).toBe('2027-06-10T09:00:00.000Z');
  });

  it('shows an instant as the wall time of the event’s zone, and back', () => {
    expect(zonedLocal('2027-06-10T07:00:00Z', 'Europe/Berlin')).toBe('2027-06-10T09:00');
    expect(zonedLocal('2027-03-28T00:30:00Z', 'Europe/Berlin')).toBe('2027-03-28T01:30');
    expect(zonedLocal('2027-03-28T01:30:00Z', 'Europe/Berlin')).toBe('2027-03-28T03:30');
    for (const at of ['2027-03-28T00:30:00.000Z', '2027-10-31T02:30:00.000Z'])
      expect(zonedInstant(zonedLocal(at, 'Europe/Berlin'), 'Europe/Berlin')).toBe(at);
  });

  it('reads the wall time as UTC when the zone is unknown, so only the zone is refused', () => {
    expect(zonedInstant('2027-06-10T09:00', 'Mars/Olympus')).toBe('2027-06-10T09:00:00.000Z');
  });

  it('sends what it cannot read as typed, so the server names the field', () => {
    expect(zonedInstant('tomorrow', 'UTC')).toBe('tomorrow');
    expect(toCents('12,5')).toBe(1250);
    expect(toCents('12.50')).toBe(1250);
    expect(toCents('twelve')).toBe('twelve');
    expect(wholeNumber('40')).toBe(40);
    expect(wholeNumber('4.5')).toBe('4.5');
    expect(orNull('', wholeNumber)).toBeNull();
    expect(orNull('x', wholeNumber)).toBe('x');
  });
});

import { redactUrl } from './request-log.js';

describe('request log', () => {
  it('keeps attendee access keys out of logged URLs', () => {
    expect(redactUrl('/t/1?key=SECRET&x=1')).toBe('/t/1?key=[redacted]&x=1');
    expect(redactUrl('/t/1?a=1&KEY=SECRET')).toBe('/t/1?a=1&KEY=[redacted]');
    expect(redactUrl('/api/v1/events?monkey=1')).toBe('/api/v1/events?monkey=1');
  });
});

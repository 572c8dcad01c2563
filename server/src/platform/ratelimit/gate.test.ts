import { clientIp } from './gate.js';

describe('the client address limits count on', () => {
  it('is an IPv4 address as is, also when the socket reports it IPv4-mapped', () => {
    expect(clientIp({ ip: '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientIp({ ip: '::ffff:203.0.113.7' })).toBe('203.0.113.7');
  });

  it('is an IPv6 address by its /64, however it is spelled', () => {
    expect(clientIp({ ip: '2001:db8:0:1:aaaa::1' })).toBe('2001:db8:0:1::/64');
    expect(clientIp({ ip: '2001:0DB8:0000:0001:ffff:1:2:3' })).toBe('2001:db8:0:1::/64');
    expect(clientIp({ ip: '2001:db8::5' })).toBe('2001:db8:0:0::/64');
    expect(clientIp({ ip: '::1' })).toBe('0:0:0:0::/64');
  });
});

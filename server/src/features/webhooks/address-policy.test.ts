import { addressPolicy } from './address-policy.js';

describe('webhook address policy', () => {
  const strict = addressPolicy([]);

  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('refuses %s without an allow-list', (address) => {
    expect(strict.allows(address)).toBe(false);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(strict.allows(address)).toBe(true);
    },
  );

  it('allows exactly the networks of WEBHOOK_ALLOWED_NETWORKS besides public ones', () => {
    const onPrem = addressPolicy(['127.0.0.0/8', '10.1.0.0/16', 'fd00::/8']);
    expect(onPrem.allows('127.0.0.1')).toBe(true);
    expect(onPrem.allows('10.1.2.3')).toBe(true);
    expect(onPrem.allows('10.2.0.1')).toBe(false);
    expect(onPrem.allows('fd00::5')).toBe(true);
    expect(onPrem.allows('169.254.169.254')).toBe(false);
    expect(onPrem.allows('1.1.1.1')).toBe(true);
  });
});

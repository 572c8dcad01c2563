import { ConfigError, loadConfig } from '../config.js';

describe('rate limit settings', () => {
  it('are on by default with the documented budgets, and trust no proxy', () => {
    const c = loadConfig({});
    expect(c.rateLimits.enabled).toBe(true);
    expect(c.rateLimits.policies['registration-ip']).toEqual({
      name: 'registration-ip',
      points: 30,
      duration: 600,
    });
    expect(c.rateLimits.policies['sign-in-account-ip']).toMatchObject({
      points: 10,
      duration: 900,
    });
    expect(c.trustProxy).toBe(0);
  });

  it('take RATE_LIMITS=off, RATE_LIMIT_<NAME> overrides and TRUST_PROXY', () => {
    const c = loadConfig({
      RATE_LIMITS: 'off',
      RATE_LIMIT_REGISTRATION_IP: '60/300',
      RATE_LIMIT_SIGN_IN_IP: '5/60',
      TRUST_PROXY: '2',
    });
    expect(c.rateLimits.enabled).toBe(false);
    expect(c.rateLimits.policies['registration-ip']).toMatchObject({ points: 60, duration: 300 });
    expect(c.rateLimits.policies['sign-in-ip']).toMatchObject({ points: 5, duration: 60 });
    expect(c.trustProxy).toBe(2);
  });

  it.each([
    ['RATE_LIMITS', 'maybe'],
    ['RATE_LIMIT_REGISTRATION_IP', '30'],
    ['RATE_LIMIT_TOKEN_IP', '0/60'],
    ['TRUST_PROXY', 'yes'],
  ])('stop start-up on a bad %s, naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
});

import { loadConfig } from './config.js';

describe('SMS configuration', () => {
  it('writes text files when no provider is set', () => {
    expect(loadConfig({}).sms).toEqual({ delivery: true, gateway: undefined, twilio: undefined });
    expect(loadConfig({ SMS_DELIVERY: 'off' }).sms.delivery).toBe(false);
  });

  it('takes an HTTP gateway with its secret, and refuses one without', () => {
    const c = loadConfig({
      SMS_GATEWAY_URL: 'https://sms.example.org/send',
      SMS_GATEWAY_SECRET: 'a-long-enough-secret',
    });
    expect(c.sms.gateway).toEqual({
      url: 'https://sms.example.org/send',
      secret: 'a-long-enough-secret',
    });
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'https://sms.example.org/send' })).toThrow(
      /^SMS_GATEWAY_SECRET: must be set with SMS_GATEWAY_URL/,
    );
    expect(() =>
      loadConfig({ SMS_GATEWAY_URL: 'https://sms.example.org', SMS_GATEWAY_SECRET: 'short' }),
    ).toThrow(/^SMS_GATEWAY_SECRET: .*\(got a hidden value\)/);
  });

  it('takes Twilio with token and sender (a number or a Messaging Service), api.twilio.com by default', () => {
    const sid = `AC${'a'.repeat(32)}`;
    const c = loadConfig({
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_FROM: '+15005550006',
    });
    expect(c.sms.twilio).toEqual({
      accountSid: sid,
      authToken: 't',
      from: '+15005550006',
      apiUrl: 'https://api.twilio.com',
    });
    const mg = `MG${'b'.repeat(32)}`;
    expect(
      loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: mg }).sms.twilio
        ?.from,
    ).toBe(mg);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't' })).toThrow(
      /^TWILIO_FROM: /,
    );
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'nope' })).toThrow(/^TWILIO_ACCOUNT_SID: /);
    expect(() =>
      loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '555-1234' }),
    ).toThrow(/^TWILIO_FROM: /);
  });

  it('refuses two providers at once', () => {
    expect(() =>
      loadConfig({
        SMS_GATEWAY_URL: 'https://sms.example.org',
        SMS_GATEWAY_SECRET: 'a-long-enough-secret',
        TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 't',
        TWILIO_FROM: '+15005550006',
      }),
    ).toThrow(/^SMS_GATEWAY_URL: and TWILIO_ACCOUNT_SID name two SMS providers/);
  });
});

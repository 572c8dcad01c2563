import { ConfigError, loadConfig } from './config.js';

describe('mail configuration', () => {
  it('writes .eml files, from a local sender, with the default retries when nothing is set', () => {
    const c = loadConfig({});
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailDelivery).toBe(true);
    expect(c.mailFrom).toBe('Lanyard <lanyard@localhost>');
    expect(c.notify).toEqual({ maxAttempts: 8, retryBaseMs: 30_000, retryCapMs: 3_600_000 });
    expect(c.bulkPerSecond).toBe(200);
    expect(c.outboxRetentionHours).toBe(168);
    expect(c.mailRenderThreads).toBe(1);
  });

  it('renders on up to 16 threads, or on the event loop with 0', () => {
    expect(loadConfig({ MAIL_RENDER_THREADS: '0' }).mailRenderThreads).toBe(0);
    expect(loadConfig({ MAIL_RENDER_THREADS: '4' }).mailRenderThreads).toBe(4);
    expect(() => loadConfig({ MAIL_RENDER_THREADS: '17' })).toThrow(/^MAIL_RENDER_THREADS: /);
  });

  it('takes an smtp:// or smtps:// server and a named sender', () => {
    const c = loadConfig({
      SMTP_URL: 'smtps://user:p%40ss@mail.example.org:465',
      MAIL_FROM: 'DevConf <tickets@devconf.example>',
      MAIL_DELIVERY: 'off',
    });
    expect(c.smtpUrl).toBe('smtps://user:p%40ss@mail.example.org:465');
    expect(c.mailFrom).toBe('DevConf <tickets@devconf.example>');
    expect(c.mailDelivery).toBe(false);
  });

  it('refuses another scheme without echoing the URL, which may hold a password', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://user:secret@mail.example.org' })).toThrow(
      new ConfigError('SMTP_URL', 'must be a URL (smtp: or smtps:) (got a hidden value)'),
    );
  });

  it('names a bad sender or retry setting', () => {
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/^MAIL_FROM: /);
    expect(() => loadConfig({ MAIL_FROM: 'Eve\r\nBcc: x@y.z <eve@example.org>' })).toThrow(
      /^MAIL_FROM: /,
    );
    expect(() => loadConfig({ NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/^NOTIFY_MAX_ATTEMPTS: /);
    expect(() => loadConfig({ MAIL_DELIVERY: 'maybe' })).toThrow(/^MAIL_DELIVERY: /);
  });
});

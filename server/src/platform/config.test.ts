import { ConfigError, loadConfig } from './config.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    return err as ConfigError;
  }
  throw new Error('expected loadConfig to fail');
};

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.oidcIssuer).toBeUndefined();
    expect(c.databasePoolSize).toBe(10);
  });

  it('stops on a port that is not a number, naming PORT', () => {
    const err = fails({ PORT: 'abc' });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.variable).toBe('PORT');
    expect(err.message).toMatch(/^PORT: /);
    expect(err.message).not.toContain('\n');
  });

  it('stops on a port above 65535', () => {
    expect(fails({ PORT: '70000' }).variable).toBe('PORT');
  });

  it.each([
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['OIDC_ISSUER', 'ftp://issuer'],
    ['KAFKA_BROKERS', 'localhost'],
    ['WEBHOOK_ALLOWED_NETWORKS', '10.0.0.0/33'],
    ['WEBHOOK_ALLOWED_NETWORKS', 'intranet'],
    ['ELASTICSEARCH_URL', '::'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'ten'],
    ['DATABASE_POOL_SIZE', '500'],
    ['STRIPE_SECRET_KEY', 'pk_test_public'],
    ['STRIPE_WEBHOOK_SECRET', 'secret'],
    ['STRIPE_API_URL', 'stripe.local'],
  ])('names %s when it holds %p', (variable, value) => {
    expect(fails({ [variable]: value }).variable).toBe(variable);
  });

  it('takes flags over the environment', () => {
    const c = loadConfig(
      { PORT: '9000', LANYARD_DATA_DIR: '/tmp/a' },
      { port: 9100, dataDir: '/tmp/b' },
    );
    expect(c.port).toBe(9100);
    expect(c.dataDir).toBe('/tmp/b');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' }).databaseUrl).toBeUndefined();
  });

  it('splits Kafka brokers and trims a trailing slash from PUBLIC_URL', () => {
    const c = loadConfig({
      KAFKA_BROKERS: 'a:9092, b:9092',
      PUBLIC_URL: 'https://tickets.example.org/',
    });
    expect(c.kafkaBrokers).toEqual(['a:9092', 'b:9092']);
    expect(c.publicUrl).toBe('https://tickets.example.org');
  });

  it('reads the networks webhooks may reach besides public ones; none by default', () => {
    expect(loadConfig({}).webhookAllowedNetworks).toEqual([]);
    const c = loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16, fd00::/8,192.168.1.7' });
    expect(c.webhookAllowedNetworks).toEqual(['10.20.0.0/16', 'fd00::/8', '192.168.1.7']);
  });

  it('does not echo a malformed Stripe secret into the error', () => {
    const err = fails({ STRIPE_SECRET_KEY: 'pk_live_should_not_leak' });
    expect(err.variable).toBe('STRIPE_SECRET_KEY');
    expect(err.message).not.toContain('should_not_leak');
  });

  it('reads Stripe settings, and leaves Stripe off when they are unset', () => {
    expect(loadConfig({}).stripeSecretKey).toBeUndefined();
    const c = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
    });
    expect(c).toMatchObject({
      stripeSecretKey: 'sk_test_123',
      stripeWebhookSecret: 'whsec_abc',
      stripeApiUrl: 'http://127.0.0.1:12111',
    });
  });
});

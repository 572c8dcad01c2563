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
    ['ELASTICSEARCH_URL', '::'],
    ['LOG_LEVEL', 'loud'],
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
});

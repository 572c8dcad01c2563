import { resolve } from 'node:path';
import { z } from 'zod';
import { parseCidr } from './cidr.js';
import { rateLimitConfig, type RateLimitConfig } from './ratelimit/policies.js';

/** Everything the server reads from its environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Base URL clients use to reach this server (PUBLIC_URL); unset means http://127.0.0.1:<port>. */
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  /** PostgreSQL connections the server opens at start and never goes beyond (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  redisUrl: string | undefined;
  kafkaBrokers: string[] | undefined;
  elasticsearchUrl: string | undefined;
  /** OTLP/HTTP collector traces are exported to; unset: no tracing. */
  otlpEndpoint: string | undefined;
  /** External OIDC issuer; unset means the embedded one. */
  oidcIssuer: string | undefined;
  /** Audience API access tokens must carry (OIDC_AUDIENCE); unset means `${publicUrl}/api`. */
  apiAudience: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** Stripe payments: secret API key (sk_… or rk_…); unset means Stripe is not offered. */
  stripeSecretKey: string | undefined;
  /** Signing secret of the Stripe webhook endpoint (whsec_…). */
  stripeWebhookSecret: string | undefined;
  /** Another Stripe API base (stripe-mock, tests); unset means api.stripe.com. */
  stripeApiUrl: string | undefined;
  /** Outgoing mail server (SMTP_URL, smtp:// or smtps://); unset means `.eml` files under `<dataDir>/mail/`. */
  smtpUrl: string | undefined;
  /** Whether queued mails are sent (MAIL_DELIVERY=off: they stay queued in the log; tests, load tests). */
  mailDelivery: boolean;
  /** Sender of every mail (MAIL_FROM), an address or `Name <address>`. */
  mailFrom: string;
  /** How notifications retry: attempts before a message is dead, and the first wait (doubling, capped). */
  notify: { maxAttempts: number; retryBaseMs: number; retryCapMs: number };
  /** Pace of organizer messages to many attendees, mails per second (NOTIFY_BULK_PER_SECOND). */
  bulkPerSecond: number;
  /** Worker threads rendering mails (MAIL_RENDER_THREADS); 0 renders them on the sending loop. */
  mailRenderThreads: number;
  /** Hours a delivered outbox message is kept before it is pruned (OUTBOX_RETENTION_HOURS). */
  outboxRetentionHours: number;
  /** CIDRs webhook URLs may resolve to besides public addresses (WEBHOOK_ALLOWED_NETWORKS). */
  webhookAllowedNetworks: string[];
  /**
   * On shutdown, how long /readyz fails while requests are still served (DRAIN_SECONDS), so a
   * load balancer's health check takes the replica out before it stops accepting.
   */
  drainMs: number;
  /** Rate limits of the public and sign-in flows (RATE_LIMITS, RATE_LIMIT_<NAME>). */
  rateLimits: RateLimitConfig;
  /**
   * Proxies in front whose X-Forwarded-For is believed (TRUST_PROXY, a hop count); 0 means the
   * client address is the connection's, so nobody can pick the address their limits count on.
   */
  trustProxy: number;
  /** Proof of work (events that ask for it): the solver's largest counter (ALTCHA_MAX_COUNTER). */
  altchaMaxCounter: number;
  /** A bearer token /metrics demands when set (METRICS_TOKEN); unset: /metrics is open. */
  metricsToken: string | undefined;
  /**
   * SMS: sent at all (SMS_DELIVERY=off keeps them queued), and through which provider: an HTTP
   * gateway (SMS_GATEWAY_URL + SMS_GATEWAY_SECRET) or Twilio (TWILIO_*); neither means text files
   * under `<dataDir>/sms/`.
   */
  sms: {
    delivery: boolean;
    gateway: { url: string; secret: string } | undefined;
    twilio: { accountSid: string; authToken: string; from: string; apiUrl: string } | undefined;
  };
}

export interface ConfigOverrides {
  port?: number | undefined;
  dataDir?: string | undefined;
  host?: string | undefined;
  logLevel?: Config['logLevel'] | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .refine(
      (v) => {
        if (v === undefined) return true;
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL (${protocols.join(' or ')})` },
    );

const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max),
      `must be a whole number from ${min} to ${max}`,
    )
    .transform((v) => (v === undefined ? fallback : Number(v)));

const env = z.object({
  PORT: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^\d+$/.test(v), 'must be a whole number from 0 to 65535')
    .transform((v) => (v === undefined ? 8080 : Number(v)))
    .refine((v) => v <= 65535, 'must be a whole number from 0 to 65535'),
  HOST: z.string().min(1).optional(),
  LANYARD_DATA_DIR: z.string().min(1).optional(),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^\d+$/.test(v), 'must be a whole number from 1 to 200')
    .transform((v) => (v === undefined ? 10 : Number(v)))
    .refine((v) => v >= 1 && v <= 200, 'must be a whole number from 1 to 200'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  KAFKA_BROKERS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((b) => b.trim()) : undefined))
    .refine(
      (v) => v === undefined || v.every((b) => /^[\w.-]+:\d+$/.test(b)),
      'must be a comma-separated list of host:port',
    ),
  ELASTICSEARCH_URL: optionalUrl(['http:', 'https:']),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http:', 'https:']),
  OIDC_ISSUER: optionalUrl(['http:', 'https:']),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine(
      (v) => v === undefined || /^(sk|rk)_\w+$/.test(v),
      'must be a Stripe secret key (sk_… or rk_…)',
    ),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine(
      (v) => v === undefined || /^whsec_\w+$/.test(v),
      'must be a Stripe webhook secret (whsec_…)',
    ),
  STRIPE_API_URL: optionalUrl(['http:', 'https:']),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z
    .string()
    .optional()
    .transform((v) => v?.trim() || 'Lanyard <lanyard@localhost>')
    .refine(
      (v) => /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(v),
      'must be an address or Name <address>',
    ),
  MAIL_DELIVERY: z.enum(['on', 'off']).optional(),
  SMS_DELIVERY: z.enum(['on', 'off']).optional(),
  SMS_GATEWAY_URL: optionalUrl(['http:', 'https:']),
  SMS_GATEWAY_SECRET: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  TWILIO_ACCOUNT_SID: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine(
      (v) => v === undefined || /^AC[0-9a-fA-F]{32}$/.test(v),
      'must be AC and 32 hex digits',
    ),
  TWILIO_AUTH_TOKEN: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined),
  TWILIO_FROM: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine(
      (v) => v === undefined || /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/.test(v),
      'must be a number in E.164 (+15005550006) or a Messaging Service SID (MG…)',
    ),
  TWILIO_API_URL: optionalUrl(['http:', 'https:']),
  NOTIFY_MAX_ATTEMPTS: wholeNumber(1, 100, 8),
  NOTIFY_RETRY_BASE_MS: wholeNumber(1, 3_600_000, 30_000),
  NOTIFY_RETRY_CAP_MS: wholeNumber(1, 86_400_000, 3_600_000),
  NOTIFY_BULK_PER_SECOND: wholeNumber(1, 10_000, 200),
  MAIL_RENDER_THREADS: wholeNumber(0, 16, 1),
  OUTBOX_RETENTION_HOURS: wholeNumber(0, 100_000, 168),
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .refine(
      (v) => v.every((c) => parseCidr(c) !== undefined),
      'must be a comma-separated list of CIDRs (10.1.0.0/16, fd00::/8)',
    ),
  DRAIN_SECONDS: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || /^\d+(\.\d+)?$/.test(v),
      'must be a number of seconds from 0 to 120',
    )
    .transform((v) => (v === undefined ? 0 : Number(v)))
    .refine((v) => v <= 120, 'must be a number of seconds from 0 to 120'),
  TRUST_PROXY: wholeNumber(0, 10, 0),
  ALTCHA_MAX_COUNTER: wholeNumber(100, 10_000_000, 50_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

const SECRETS = new Set([
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'SMTP_URL',
  'SMS_GATEWAY_SECRET',
  'TWILIO_AUTH_TOKEN',
]);

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(
  source: Record<string, string | undefined>,
  overrides: ConfigOverrides = {},
): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    // Secrets are never echoed into logs.
    const got = SECRETS.has(variable) ? 'a hidden value' : JSON.stringify(source[variable]);
    throw new ConfigError(variable, `${issue.message} (got ${got})`);
  }
  const e = parsed.data;
  const port = overrides.port ?? e.PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('--port', 'must be a whole number from 0 to 65535');
  }
  return {
    port,
    host: overrides.host ?? e.HOST ?? '0.0.0.0',
    dataDir: resolve(overrides.dataDir ?? e.LANYARD_DATA_DIR ?? './data'),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    kafkaBrokers: e.KAFKA_BROKERS,
    elasticsearchUrl: e.ELASTICSEARCH_URL,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    oidcIssuer: e.OIDC_ISSUER,
    apiAudience: e.OIDC_AUDIENCE,
    logLevel: overrides.logLevel ?? e.LOG_LEVEL ?? 'info',
    bodyLimitBytes: 1024 * 1024,
    stripeSecretKey: e.STRIPE_SECRET_KEY,
    stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET,
    stripeApiUrl: e.STRIPE_API_URL,
    smtpUrl: e.SMTP_URL,
    mailDelivery: e.MAIL_DELIVERY !== 'off',
    mailFrom: e.MAIL_FROM,
    notify: {
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
      retryCapMs: e.NOTIFY_RETRY_CAP_MS,
    },
    bulkPerSecond: e.NOTIFY_BULK_PER_SECOND,
    mailRenderThreads: e.MAIL_RENDER_THREADS,
    outboxRetentionHours: e.OUTBOX_RETENTION_HOURS,
    webhookAllowedNetworks: e.WEBHOOK_ALLOWED_NETWORKS,
    drainMs: Math.round(e.DRAIN_SECONDS * 1000),
    rateLimits: rateLimitConfig(source, (variable, message) => new ConfigError(variable, message)),
    trustProxy: e.TRUST_PROXY,
    altchaMaxCounter: e.ALTCHA_MAX_COUNTER,
    metricsToken: e.METRICS_TOKEN,
    sms: smsConfig(e),
  };
}

/** One SMS provider, completely configured, or none. */
function smsConfig(e: z.output<typeof env>): Config['sms'] {
  const need = (variable: string, value: string | undefined, because: string) => {
    if (!value) throw new ConfigError(variable, `must be set ${because}`);
    return value;
  };
  if (e.SMS_GATEWAY_URL && e.TWILIO_ACCOUNT_SID) {
    throw new ConfigError(
      'SMS_GATEWAY_URL',
      'and TWILIO_ACCOUNT_SID name two SMS providers; set one',
    );
  }
  const gateway = e.SMS_GATEWAY_URL
    ? {
        url: e.SMS_GATEWAY_URL,
        secret: need('SMS_GATEWAY_SECRET', e.SMS_GATEWAY_SECRET, 'with SMS_GATEWAY_URL'),
      }
    : undefined;
  const twilio = e.TWILIO_ACCOUNT_SID
    ? {
        accountSid: e.TWILIO_ACCOUNT_SID,
        authToken: need('TWILIO_AUTH_TOKEN', e.TWILIO_AUTH_TOKEN, 'with TWILIO_ACCOUNT_SID'),
        from: need('TWILIO_FROM', e.TWILIO_FROM, 'with TWILIO_ACCOUNT_SID'),
        apiUrl: e.TWILIO_API_URL ?? 'https://api.twilio.com',
      }
    : undefined;
  return { delivery: e.SMS_DELIVERY !== 'off', gateway, twilio };
}

import type { LimitPolicy } from './limiters.js';

/**
 * Every rate limit of the public and sign-in flows, with its default budget: `points` requests
 * per `duration` seconds per key. Each is overridable with `RATE_LIMIT_<NAME>=POINTS/SECONDS`
 * (the name upper-cased, dashes as underscores), e.g. `RATE_LIMIT_REGISTRATION_IP=60/600`.
 */
export const RATE_LIMIT_DEFAULTS = {
  // A conference Wi-Fi or an office shares one address: generous per address, tight per email.
  'registration-ip': { points: 30, duration: 10 * 60 },
  'registration-email': { points: 10, duration: 10 * 60 },
  // Promo and access codes are guessed by asking the public event page with `?code=`.
  'promo-code-ip': { points: 30, duration: 60 },
  // Ticket, order and waitlist pages opened with an access key (`?key=` or X-Access-Key).
  'access-key-ip': { points: 300, duration: 60 },
  // Enough for a person who mistyped twice, too few to probe a list of addresses.
  'tickets-again-ip': { points: 5, duration: 15 * 60 },
  // Per address: a form sent over and over must not fill someone's mailbox.
  'tickets-again-address': { points: 3, duration: 60 * 60 },
  // A venue enrolls its kiosks from one network: room for dozens; the codes are not guessable anyway.
  'device-enroll-ip': { points: 60, duration: 10 * 60 },
  'token-ip': { points: 120, duration: 60 },
  'token-client': { points: 60, duration: 60 },
  // Password guessing of one account from one address; another address still signs in.
  'sign-in-account-ip': { points: 10, duration: 15 * 60 },
  // Every sign-in attempt of an address over all accounts: slows password spraying.
  'sign-in-ip': { points: 50, duration: 15 * 60 },
  // "Forgot password" forms sent from one address, and reset mails to one account's address.
  'password-link-ip': { points: 10, duration: 15 * 60 },
  'password-link-address': { points: 3, duration: 60 * 60 },
  // Proof-of-work challenges handed out (cheap to make, but not unbounded).
  'challenge-ip': { points: 60, duration: 60 },
} satisfies Record<string, Omit<LimitPolicy, 'name'>>;

export type LimitName = keyof typeof RATE_LIMIT_DEFAULTS;

export interface RateLimitConfig {
  /** RATE_LIMITS=off: nothing is counted (benchmarks and trusted load tests only). */
  enabled: boolean;
  policies: Record<LimitName, LimitPolicy>;
}

export const envName = (name: string) => `RATE_LIMIT_${name.toUpperCase().replace(/-/g, '_')}`;

/** Reads RATE_LIMITS and the RATE_LIMIT_* overrides; a bad one is named in the thrown message. */
export function rateLimitConfig(
  env: Record<string, string | undefined>,
  fail: (variable: string, message: string) => Error,
): RateLimitConfig {
  const switched = env.RATE_LIMITS?.trim();
  if (switched !== undefined && switched !== '' && switched !== 'on' && switched !== 'off')
    throw fail('RATE_LIMITS', `must be on or off (got ${JSON.stringify(switched)})`);
  const policies = {} as Record<LimitName, LimitPolicy>;
  for (const [name, fallback] of Object.entries(RATE_LIMIT_DEFAULTS)) {
    const variable = envName(name);
    const value = env[variable]?.trim();
    let budget = fallback;
    if (value) {
      const m = /^(\d{1,9})\/(\d{1,9})$/.exec(value);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
        throw fail(
          variable,
          `must be POINTS/SECONDS, both whole numbers from 1 (got ${JSON.stringify(value)})`,
        );
      budget = { points: Number(m[1]), duration: Number(m[2]) };
    }
    policies[name as LimitName] = { name, ...budget };
  }
  return { enabled: switched !== 'off', policies };
}

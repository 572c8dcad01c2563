import { createHash, randomBytes } from 'node:crypto';

// One-time links that set an account's password: the invite of a new team member, and a reset.
// Pure: no I/O.

export type PasswordLinkPurpose = 'invite' | 'reset';

/** How long a link works: an invite waits over a weekend; a reset is asked for and used at once. */
export const LINK_LIFETIME_HOURS: Record<PasswordLinkPurpose, number> = { invite: 72, reset: 2 };

/** 32 random bytes (256 bits) as base64url: the link's secret. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

/** What is stored instead of the token: a leaked table opens no account. */
export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether a string could be one of our tokens (43 base64url characters); others are not looked up. */
export const looksLikeLinkToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export const linkExpiry = (purpose: PasswordLinkPurpose, now = Date.now()) =>
  new Date(now + LINK_LIFETIME_HOURS[purpose] * 3600_000);

/** The password rule of every form that sets one (the API's account creation says the same). */
export function passwordProblem(password: string, repeated: string): string | undefined {
  if (password.length < 12) return 'The password must be at least 12 characters long.';
  if (password.length > 200) return 'The password must be at most 200 characters long.';
  if (password !== repeated) return 'The two passwords differ.';
  return undefined;
}

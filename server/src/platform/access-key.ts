import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Attendees have no account: an order (or waitlist entry) hands out a random access key once, and
// stores only its hash. The key opens that order's tickets, e.g. in a link the attendee keeps.

export function newAccessKey(): { key: string; hash: string } {
  const key = randomBytes(24).toString('base64url');
  return { key, hash: hashAccessKey(key) };
}

export function hashAccessKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function accessKeyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashAccessKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

// The personal calendar's private URL carries a token of its own rather than the order's access
// key: a calendar service that subscribes to the URL can read the agenda and nothing else. The
// token is an HMAC of the ticket id under the hash of the access key the server stores, so it
// needs no storage, and a new key (a transfer) ends the old URL.

const token = (ticketId: string, accessKeyHash: string) =>
  createHmac('sha256', accessKeyHash).update(`agenda-calendar:${ticketId}`).digest('base64url');

export const calendarToken = token;

export function calendarTokenMatches(
  given: string,
  ticketId: string,
  accessKeyHash: string,
): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token(ticketId, accessKeyHash));
  return a.length === b.length && timingSafeEqual(a, b);
}

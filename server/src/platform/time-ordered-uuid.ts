import { randomUUID } from 'node:crypto';

// A UUIDv7 (RFC 9562): 48 bits of unix milliseconds, then random bits. Rows inserted in bulk with
// such ids land on the right edge of their primary-key index instead of on random pages, which
// keeps a big import's index writes (and WAL, full-page images after each checkpoint) small.

/** A version 7 UUID: the time of `now`, then the random bits of a v4 UUID (variant kept). */
export function timeOrderedUuid(now = Date.now()): string {
  const ms = now.toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${randomUUID().slice(15)}`;
}

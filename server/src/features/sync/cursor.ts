import { invalid } from '../../platform/errors.js';

/** A place in the change log: rows are ordered by (transaction id, seq). */
export interface FeedPosition {
  xid: bigint;
  seq: bigint;
}

/**
 * Where a kiosk is: in the change log after `at`, or paging through a first-sync snapshot that
 * began when every transaction below `startXid` had finished (its deltas start there).
 */
export type SyncCursor =
  | { kind: 'delta'; at: FeedPosition }
  | { kind: 'snapshot'; startXid: bigint; phase: 'tickets' | 'scans'; after: string | null };

const DELTA = /^d\.(\d{1,20})\.(\d{1,20})$/;
const SNAPSHOT = /^s\.(\d{1,20})\.([ta])\.([0-9a-f-]{36})?$/;

export function encodeCursor(c: SyncCursor): string {
  return c.kind === 'delta'
    ? `d.${c.at.xid}.${c.at.seq}`
    : `s.${c.startXid}.${c.phase === 'tickets' ? 't' : 'a'}.${c.after ?? ''}`;
}

/** Reads a cursor this server handed out; anything else is a 400 `invalid_cursor`. */
export function decodeCursor(text: string): SyncCursor {
  const d = DELTA.exec(text);
  if (d) return { kind: 'delta', at: { xid: BigInt(d[1]!), seq: BigInt(d[2]!) } };
  const s = SNAPSHOT.exec(text);
  if (s) {
    return {
      kind: 'snapshot',
      startXid: BigInt(s[1]!),
      phase: s[2] === 't' ? 'tickets' : 'scans',
      after: s[3] ?? null,
    };
  }
  throw invalid('invalid_cursor', 'cursor: is not a cursor this server handed out.');
}

/** The delta position right after a snapshot that began at `startXid`. */
export const afterSnapshot = (startXid: bigint): FeedPosition => ({ xid: startXid, seq: 0n });

export function isAfter(a: FeedPosition, b: FeedPosition): boolean {
  return a.xid > b.xid || (a.xid === b.xid && a.seq > b.seq);
}

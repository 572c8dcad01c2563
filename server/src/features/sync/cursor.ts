import { invalid } from '../../platform/errors.js';

/**
 * Where a kiosk is: after log row `seq` in the change log, or paging through a first-sync snapshot
 * taken when every log row up to `startSeq` was settled (its deltas start after that row).
 */
export type SyncCursor =
  | { kind: 'delta'; seq: bigint }
  | { kind: 'snapshot'; startSeq: bigint; phase: 'tickets' | 'scans'; after: string | null };

const DELTA = /^d\.(\d{1,19})$/;
const SNAPSHOT =
  /^s\.(\d{1,19})\.([ta])\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;
// Log positions are bigint columns: a larger number is no position this server handed out.
const MAX_SEQ = 9_223_372_036_854_775_807n;

export function encodeCursor(c: SyncCursor): string {
  return c.kind === 'delta'
    ? `d.${c.seq}`
    : `s.${c.startSeq}.${c.phase === 'tickets' ? 't' : 'a'}.${c.after ?? ''}`;
}

/** Reads a cursor this server handed out; anything else is a 400 `invalid_cursor`. */
export function decodeCursor(text: string): SyncCursor {
  const d = DELTA.exec(text);
  if (d && BigInt(d[1]!) <= MAX_SEQ) return { kind: 'delta', seq: BigInt(d[1]!) };
  const s = SNAPSHOT.exec(text);
  if (s && BigInt(s[1]!) <= MAX_SEQ) {
    return {
      kind: 'snapshot',
      startSeq: BigInt(s[1]!),
      phase: s[2] === 't' ? 'tickets' : 'scans',
      after: s[3] ?? null,
    };
  }
  throw invalid('invalid_cursor', 'cursor: is not a cursor this server handed out.');
}

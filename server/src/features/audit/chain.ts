import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

// The audit chain's pure rules: how an entry is hashed and how a run of entries is checked. The
// hashes are over RFC 8785 canonical JSON (the `canonicalize` package), so any JCS
// implementation in any language can recompute them.

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  /** Account id, or the OAuth client id for client credentials. */
  subject: string | null;
  clientId: string | null;
  deviceId: string | null;
}

/** Before and after of the changed fields; absent halves for creations and deletions. */
export interface AuditPayload {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  [k: string]: unknown;
}

/** An entry as stored: the header is hashed whole, the payload through its own hash. */
export interface AuditEntry {
  seq: number;
  at: string;
  organizationId: string;
  eventId: string | null;
  actor: AuditActor;
  ip: string | null;
  userAgent: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** null once redacted. */
  payload: AuditPayload | null;
  payloadHash: string;
  prevHash: string;
  hash: string;
  redactedAt: string | null;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  kid: string;
  signature: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JCS text of a JSON value; undefined members are dropped as JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(JSON.parse(JSON.stringify(value ?? null)));
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

export const payloadHash = (payload: AuditPayload) => sha256(canonicalJson(payload));

type HashedFields = Omit<AuditEntry, 'payload' | 'hash' | 'redactedAt'>;

/** The entry hash: over every field but the payload itself, which it covers by payloadHash. */
export function entryHash(e: HashedFields): string {
  return sha256(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      organizationId: e.organizationId,
      eventId: e.eventId,
      actor: e.actor,
      ip: e.ip,
      userAgent: e.userAgent,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      payloadHash: e.payloadHash,
      prevHash: e.prevHash,
    }),
  );
}

/** The exact bytes a checkpoint's signature covers. */
export const checkpointMessage = (c: Pick<Checkpoint, 'seq' | 'hash' | 'at'>) =>
  Buffer.from(
    canonicalJson({ type: 'lanyard.audit.checkpoint', seq: c.seq, hash: c.hash, at: c.at }),
  );

/** The fields that differ, as before/after halves; unchanged fields are left out. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): AuditPayload {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt') continue; // the entry's own time says when
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export type ProblemKind =
  | 'gap'
  | 'broken_link'
  | 'hash_mismatch'
  | 'payload_hash_mismatch'
  | 'head_mismatch'
  | 'bad_checkpoint';

export interface ChainProblem {
  seq: number;
  kind: ProblemKind;
  message: string;
}

/**
 * Walks entries in seq order, carrying the previous entry across pages. Each problem names the
 * entry it is found at; the first one is the first bad entry.
 */
export class ChainVerifier {
  readonly problems: ChainProblem[] = [];
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;
  /** Checkpoints by seq, each checked when the walk reaches its entry. */
  private readonly checkpoints = new Map<number, Checkpoint>();
  count = 0;

  /** `signatureValid` says whether each checkpoint's signature verified with its key. */
  constructor(checkpoints: { checkpoint: Checkpoint; signatureValid: boolean }[] = []) {
    for (const { checkpoint: c, signatureValid } of checkpoints) {
      if (signatureValid) this.checkpoints.set(c.seq, c);
      else
        this.report(
          c.seq,
          'bad_checkpoint',
          `the checkpoint at entry ${c.seq} has a bad signature`,
        );
    }
  }

  add(e: AuditEntry): void {
    this.count++;
    if (e.seq !== this.lastSeq + 1) {
      this.report(
        this.lastSeq + 1,
        'gap',
        e.seq - this.lastSeq === 2
          ? `entry ${this.lastSeq + 1} is missing`
          : `entries ${this.lastSeq + 1} to ${e.seq - 1} are missing`,
      );
    } else if (e.prevHash !== this.lastHash) {
      this.report(e.seq, 'broken_link', `entry ${e.seq} does not link to entry ${this.lastSeq}`);
    }
    if (entryHash(e) !== e.hash) {
      this.report(e.seq, 'hash_mismatch', `entry ${e.seq} does not match its hash (edited)`);
    }
    if (e.payload !== null && payloadHash(e.payload) !== e.payloadHash) {
      this.report(
        e.seq,
        'payload_hash_mismatch',
        `entry ${e.seq}'s payload does not match its payload hash (edited)`,
      );
    }
    const c = this.checkpoints.get(e.seq);
    if (c && c.hash !== e.hash) {
      this.report(
        e.seq,
        'bad_checkpoint',
        `entry ${e.seq} is not the entry the checkpoint of ${c.at} signed`,
      );
    }
    this.checkpoints.delete(e.seq);
    this.lastSeq = e.seq;
    this.lastHash = e.hash;
  }

  /** The head row must be the last entry: a deleted tail leaves it ahead. */
  finish(head: { seq: number; hash: string }): void {
    for (const c of this.checkpoints.values()) {
      this.report(
        c.seq,
        'bad_checkpoint',
        `entry ${c.seq}, signed by the checkpoint of ${c.at}, is gone`,
      );
    }
    if (head.seq !== this.lastSeq) {
      this.report(
        this.lastSeq + 1,
        head.seq > this.lastSeq ? 'gap' : 'head_mismatch',
        head.seq > this.lastSeq
          ? `entries ${this.lastSeq + 1} to ${head.seq} are missing (the head is at ${head.seq})`
          : `the head is at ${head.seq} but entries run to ${this.lastSeq}`,
      );
    } else if (head.hash !== this.lastHash) {
      this.report(head.seq, 'head_mismatch', `the head's hash does not match entry ${head.seq}`);
    }
  }

  private report(seq: number, kind: ProblemKind, message: string): void {
    this.problems.push({ seq, kind, message });
  }
}

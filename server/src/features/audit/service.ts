import { createPublicKey, sign, verify } from 'node:crypto';
import { generateSigningKey, importSigningKey } from '@lanyard/core';
import type { Db, Queryable } from '../../platform/db/db.js';
import type { Principal } from '../identity/principal.js';
import {
  ChainVerifier,
  changedFields,
  checkpointMessage,
  entryHash,
  payloadHash,
  type AuditEntry,
  type AuditPayload,
  type ChainProblem,
  type Checkpoint,
} from './chain.js';
import { currentOrigin } from './context.js';
import * as store from './store.js';

/** One change to record: what was done to which object, with the changed fields. */
export interface AuditChange {
  action: string;
  objectType: string;
  objectId: string | null;
  eventId?: string | null | undefined;
  /** The object before and after; the entry keeps only the fields that changed. */
  before?: object | null | undefined;
  after?: object | null | undefined;
  /** Anything else worth keeping (a batch's counts, a reason). */
  details?: Record<string, unknown> | undefined;
  /** Set when a check-in device made the change. */
  deviceId?: string | null | undefined;
}

/**
 * Appends one entry in the caller's transaction, so the change and its record commit together.
 * It locks the chain's head until that commit: audited use cases (staff, organizer, device and
 * integration changes; never public registrations) run one at a time past this point, so call it
 * after the use case's own checks and writes.
 */
export async function appendAudit(
  tx: Queryable,
  who: Pick<Principal, 'subject' | 'clientId' | 'organizationId'>,
  change: AuditChange,
): Promise<AuditEntry> {
  const origin = currentOrigin();
  const payload = toPayload(change);
  const head = await store.lockHead(tx);
  const fields = {
    seq: head.seq + 1,
    at: new Date().toISOString(),
    organizationId: who.organizationId,
    eventId: change.eventId ?? null,
    actor: {
      subject: who.subject,
      clientId: who.clientId ?? null,
      deviceId: change.deviceId ?? null,
    },
    ip: origin.ip,
    userAgent: origin.userAgent,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    payloadHash: payloadHash(payload),
    prevHash: head.hash,
  };
  const entry: AuditEntry = { ...fields, payload, hash: entryHash(fields), redactedAt: null };
  await store.insertEntry(tx, entry);
  return entry;
}

function toPayload(c: AuditChange): AuditPayload {
  const before = c.before ? (c.before as Record<string, unknown>) : undefined;
  const after = c.after ? (c.after as Record<string, unknown>) : undefined;
  const halves = before && after ? changedFields(before, after) : { before, after };
  return c.details ? { ...halves, details: c.details } : halves;
}

export interface AuditQuery {
  eventId?: string | undefined;
  since?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  cursor?: number | undefined;
  limit: number;
}

/** Newest first; the cursor is the seq below which the next page starts. */
export async function listAudit(
  db: Db,
  organizationId: string,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const rows = await store.listEntries(db, {
    organizationId,
    eventId: q.eventId,
    since: q.since,
    actor: q.actor,
    action: q.action,
    beforeSeq: q.cursor,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  return {
    items,
    nextCursor: rows.length > q.limit ? String(items.at(-1)!.seq) : null,
  };
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  checkpoints: number;
  firstBad: ChainProblem | null;
  problems: ChainProblem[];
}

const PAGE = 1000;

/** Recomputes the whole chain: gaps, broken links, edited entries, bad checkpoints. */
export async function verifyAudit(db: Db): Promise<VerifyReport> {
  const keys = await store.publicKeys(db);
  const cps = await store.checkpoints(db);
  const verifier = new ChainVerifier(
    cps.map((c) => ({ checkpoint: c, signatureValid: checkSignature(c, keys.get(c.kid)) })),
  );
  const head = await store.readHead(db);
  for (let after = 0; ;) {
    const page = await store.entriesAfter(db, after, PAGE);
    for (const e of page) verifier.add(e);
    if (page.length < PAGE) break;
    after = page.at(-1)!.seq;
  }
  verifier.finish(head);
  const problems = [...verifier.problems].sort((a, b) => a.seq - b.seq);
  return {
    ok: problems.length === 0,
    entries: verifier.count,
    head,
    checkpoints: cps.length,
    firstBad: problems[0] ?? null,
    problems,
  };
}

function checkSignature(c: Checkpoint, publicKey: string | undefined): boolean {
  if (!publicKey) return false;
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: publicKey },
      format: 'jwk',
    });
    return verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64url'));
  } catch {
    return false;
  }
}

/** Signs the current head with the server's checkpoint key (made on first use); none when unchanged. */
export async function writeCheckpoint(db: Db): Promise<Checkpoint | null> {
  return db.transaction(async (tx) => {
    const head = await store.readHead(tx);
    if (head.seq === 0 || (await store.latestCheckpointSeq(tx)) >= head.seq) return null;
    let key = await store.newestKey(tx);
    if (!key) {
      const made = generateSigningKey();
      await store.insertKey(tx, {
        kid: made.kid,
        public_key: made.publicKey,
        private_key: made.privateKey,
      });
      key = (await store.newestKey(tx))!;
    }
    const unsigned = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    const privateKey = importSigningKey({
      kid: key.kid,
      alg: 'Ed25519',
      publicKey: key.public_key,
      privateKey: key.private_key,
    });
    const checkpoint: Checkpoint = {
      ...unsigned,
      kid: key.kid,
      signature: sign(null, checkpointMessage(unsigned), privateKey).toString('base64url'),
    };
    await store.insertCheckpoint(tx, checkpoint);
    return checkpoint;
  });
}

/** Erasure: drops an entry's payload; its payload hash stays, so the chain still verifies. */
export async function redactAuditPayload(
  db: Db,
  who: Pick<Principal, 'subject' | 'clientId' | 'organizationId'>,
  seq: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await store.redactPayload(tx, who.organizationId, seq);
    if (done)
      await appendAudit(tx, who, {
        action: 'audit.redacted',
        objectType: 'audit_entry',
        objectId: String(seq),
      });
    return done;
  });
}

/**
 * Appends the change of one object and hands the object back, so a use case can end with
 * `return recorded(tx, actor, 'question.updated', eventId, current, await store.update(...))`.
 * The object type is the action's first word.
 */
export async function recorded<T extends { id: string }>(
  tx: Queryable,
  who: Pick<Principal, 'subject' | 'clientId' | 'organizationId'>,
  action: string,
  eventId: string | null,
  before: object | null,
  after: T,
): Promise<T> {
  await appendAudit(tx, who, {
    action,
    objectType: action.split('.')[0]!,
    objectId: after.id,
    eventId,
    before,
    after,
  });
  return after;
}

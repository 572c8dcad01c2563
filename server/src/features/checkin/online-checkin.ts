import { randomUUID } from 'node:crypto';
import { decideCheckin, type CheckinDecision, type TokenVerification } from '@lanyard/core';
import type { Db, Queryable } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { scanIdTaken } from './scan-ids.js';
import type { CheckinCaller } from '../devices/checkin-access.js';
import type { KeyringCache } from './keyring-cache.js';
import type { ListCache } from './list-cache.js';
import { chooseList, toCoreList, type StoredList } from './list-choice.js';
import { scannedTextDigest, toKnownTicket } from './known-ticket.js';
import type { CheckinAnswer, CheckinInput } from './schema.js';
import { markManual } from './corrections-store.js';
import * as store from './scan-store.js';
import { checkScannedText, ticketClaimedBy } from './token-check.js';

export interface CheckinDeps {
  db: Db;
  keyrings: KeyringCache;
  lists: ListCache;
  /** Told after a scan was stored, so waiting kiosks hear of it at once. */
  changed(eventId: string): void;
}

/** Thrown inside the transaction to undo it: the scanId was stored by an earlier request. */
class ScanReplayed extends Error {}
/** Thrown inside the transaction to undo it: another scan moved the ticket's state first. */
class StateMoved extends Error {}

/**
 * Checks one scan in online. The rule (core's decideCheckin) decides from the ticket's admitted
 * scans; an admission then needs ONE conditional write — moving the ticket's state row on from
 * the version the decision read — so simultaneous scans at different gates admit it once. A
 * stale decision is made again under the row's lock. Every scan is stored, refusals too, and a
 * scanId already stored answers what it answered then.
 *
 * The usual scan, a ticket's current token entering for the first time, is decided on that
 * premise before anything is read, and its admission is one statement that holds only if the
 * premise is true (one round trip); any other scan is decided on what that statement read. A scan
 * of the ticket's current token skips the signature check.
 */
export async function checkIn(
  deps: CheckinDeps,
  caller: CheckinCaller,
  eventId: string,
  input: CheckinInput,
  how: { manual: boolean } = { manual: false },
): Promise<CheckinAnswer> {
  const choice = chooseList(eventId, await deps.lists.get(eventId), input);
  if ('unknownListId' in choice) throw notFound('checkin list', choice.unknownListId);
  const scanId = (input.scanId ?? randomUUID()).toLowerCase();
  try {
    const request: ScanRequest = {
      scanId,
      eventId,
      list: choice.list,
      caller,
      input,
      tokenSha256: scannedTextDigest(input.token),
    };
    const answer = how.manual
      ? await decideByHand(deps, request)
      : await decideAndWrite(deps, request);
    deps.changed(eventId);
    return answer;
  } catch (err) {
    if (err instanceof ScanReplayed) return replayedAnswer(deps.db, eventId, scanId);
    throw err;
  }
}

const NO_TICKET: store.PassageContext = { ticket: undefined, version: 0, admitted: [] };

/** A scan as made, before its text is verified. */
type ScanRequest = Omit<Scan, 'verification'>;

interface Scan {
  scanId: string;
  eventId: string;
  list: StoredList;
  caller: CheckinCaller;
  input: CheckinInput;
  /** sha256 of the scanned text, as stored with the scan. */
  tokenSha256: string;
  verification: TokenVerification;
}

async function decideAndWrite(deps: CheckinDeps, request: ScanRequest): Promise<CheckinAnswer> {
  const { db } = deps;
  const { eventId, input } = request;
  const first = await asFirstEntry(deps, request);
  let read: store.PassageContext;
  if (first) {
    const outcome = await store.admitFirstEntry(db, first.premise, first.row);
    if (outcome.admitted)
      return answerOf(request.scanId, request.list.id, first.decision, outcome.ticket);
    if (outcome.replayed) throw new ScanReplayed();
    // Another scan of the ticket won just now (and committed): what was read is stale.
    read = outcome.raced
      ? await store.passageContext(db, first.row.ticketId, request.list.id)
      : outcome.context;
  } else {
    const claimed = ticketClaimedBy(input.token, eventId);
    read = claimed ? await store.passageContext(db, claimed, request.list.id) : NO_TICKET;
  }
  // Only an authentic token names a ticket (the same one it claimed: the same bytes).
  const { verification, ticketId } = await checkScannedText(
    deps.keyrings,
    eventId,
    input.token,
    read.issuedTokenSha256,
  );
  const scan = { ...request, verification };
  return ticketId
    ? decideOptimistically(db, scan, ticketId, read).catch(async (err: unknown) => {
        if (!(err instanceof StateMoved)) throw err;
        return db.transaction((tx) => decideAndStore(tx, scan, ticketId));
      })
    : store_(db, scan, decide(scan, NO_TICKET), NO_TICKET);
}

/** The scanned text checked on the premise that it is the ticket's current token. */
const asIssued = (deps: CheckinDeps, request: ScanRequest) =>
  checkScannedText(deps.keyrings, request.eventId, request.input.token, request.tokenSha256);

/**
 * A check-in by hand (`input.token` is the ticket's current token, read by the caller): rare,
 * so always decided under the ticket's state row lock, and marked manual in the same transaction.
 */
async function decideByHand(deps: CheckinDeps, request: ScanRequest): Promise<CheckinAnswer> {
  const { eventId } = request;
  const { verification, ticketId } = await asIssued(deps, request);
  if (!ticketId) throw new Error(`the stored token of a ticket of event ${eventId} is not its own`);
  return deps.db.transaction(async (tx) => {
    const answer = await decideAndStore(tx, { ...request, verification }, ticketId);
    await markManual(tx, eventId, request.scanId);
    return answer;
  });
}

/**
 * The scan decided as a first entry of the ticket its token names, taking the text for the
 * ticket's current token and the ticket for what the token says (valid, its type, its
 * revision), with no passages yet; undefined unless that admits it.
 */
async function asFirstEntry(deps: CheckinDeps, request: ScanRequest) {
  const { eventId, input } = request;
  const { verification, ticketId } = await asIssued(deps, request);
  if (!verification.ok || !ticketId) return undefined;
  const { revision, ticketTypeId } = verification.claims;
  const scan: Scan = { ...request, verification };
  const context: store.PassageContext = {
    ticket: {
      id: ticketId,
      eventId,
      status: 'valid',
      revision,
      ticketTypeId,
      ticketTypeName: '',
      attendeeName: '',
    },
    version: 0,
    admitted: [],
  };
  const decision = decide(scan, context);
  if (decision.result !== 'admitted') return undefined;
  return {
    scan,
    decision,
    premise: { token: input.token, revision, ticketTypeId },
    row: { ...newScan(scan, decision, context), ticketId },
  };
}

/**
 * Decides on a read made without a lock; an admission is then written by one statement whose
 * conditional write on the state row wins only if nothing moved it since the read.
 */
async function decideOptimistically(
  db: Db,
  scan: Scan,
  ticketId: string,
  context: store.PassageContext,
): Promise<CheckinAnswer> {
  const decision = decide(scan, context);
  if (decision.result !== 'admitted') return store_(db, scan, decision, context);
  const written = await store.admitOnce(db, context.version, {
    ...newScan(scan, decision, context),
    ticketId,
  });
  if (!written.claimed) throw new StateMoved();
  if (!written.inserted) throw new ScanReplayed();
  return answerOf(scan.scanId, scan.list.id, decision, context.ticket);
}

/** Decides again and stores, under the ticket's state row lock (taken first). */
async function decideAndStore(q: Queryable, scan: Scan, ticketId: string): Promise<CheckinAnswer> {
  await store.lockPassages(q, [{ ticketId, listId: scan.list.id }]);
  const context = await store.passageContext(q, ticketId, scan.list.id);
  return store_(q, scan, decide(scan, context), context);
}

function decide(scan: Scan, context: store.PassageContext): CheckinDecision {
  return decideCheckin({
    token: scan.verification,
    ticket: toKnownTicket(context.ticket, scan.eventId),
    list: toCoreList(scan.list),
    previousScans: context.admitted,
    direction: scan.input.direction,
    at: new Date(),
  });
}

async function store_(
  q: Queryable,
  scan: Scan,
  decision: CheckinDecision,
  context: store.PassageContext,
): Promise<CheckinAnswer> {
  const inserted = await store.insertScans(q, [newScan(scan, decision, context)]);
  if (!inserted.has(scan.scanId)) throw new ScanReplayed();
  return answerOf(scan.scanId, scan.list.id, decision, context.ticket);
}

function newScan(
  scan: Scan,
  decision: CheckinDecision,
  context: store.PassageContext,
): store.NewScan {
  const { caller, input } = scan;
  return {
    scanId: scan.scanId,
    eventId: scan.eventId,
    listId: scan.list.id,
    ticketId: context.ticket?.eventId === scan.eventId ? context.ticket.id : null,
    deviceId: caller.kind === 'device' ? caller.deviceId : null,
    actor: caller.actor,
    gate: input.gate ?? null,
    direction: input.direction,
    result: decision.result,
    reason: decision.reason,
    origin: 'online',
    deviceResult: null,
    tokenSha256: scan.tokenSha256,
    scannedAt: new Date(),
  };
}

function answerOf(
  scanId: string,
  listId: string,
  d: CheckinDecision,
  ticket: store.TicketFacts | undefined,
): CheckinAnswer {
  const previous =
    d.result === 'already_checked_in'
      ? {
          at: d.previousAdmission.at.toISOString(),
          ...(d.previousAdmission.gate !== undefined && { gate: d.previousAdmission.gate }),
          ...(d.previousAdmission.deviceId !== undefined && {
            deviceId: d.previousAdmission.deviceId,
          }),
        }
      : undefined;
  const named = ticket && d.ticketId === ticket.id ? ticket : undefined;
  return {
    result: d.result,
    reason: d.reason,
    direction: d.direction,
    scanId,
    listId,
    ...(d.ticketId !== undefined && { ticketId: d.ticketId }),
    ...(d.ticketTypeId !== undefined && { ticketTypeId: d.ticketTypeId }),
    ...(named && {
      attendee: { name: named.attendeeName },
      ticketType: { id: named.ticketTypeId, name: named.ticketTypeName },
    }),
    ...(previous && { previous, previousAdmission: previous }),
    replayed: false,
  };
}

/** The answer a stored scan gave, repeated for its retry. */
async function replayedAnswer(db: Db, eventId: string, scanId: string): Promise<CheckinAnswer> {
  const [stored] = await store.findScans(db, eventId, [scanId]);
  // Scan ids are unique across events; another event's scan is none of this caller's business.
  if (!stored) throw scanIdTaken(scanId);
  const ticket = stored.ticketId
    ? (await store.ticketFacts(db, [stored.ticketId])).get(stored.ticketId)
    : undefined;
  return {
    result: stored.result,
    reason: stored.reason,
    direction: stored.direction,
    scanId,
    listId: stored.listId,
    ...(ticket && {
      ticketId: ticket.id,
      ticketTypeId: ticket.ticketTypeId,
      attendee: { name: ticket.attendeeName },
      ticketType: { id: ticket.ticketTypeId, name: ticket.ticketTypeName },
    }),
    replayed: true,
  };
}

import {
  SYNC_PROTOCOL_VERSION,
  decideCheckin,
  groupBySession,
  resolveAdmissions,
  serverTimeOfScan,
  sortScans,
  type CheckinList,
  type CheckinReason,
  type CheckinResult,
  type RecordedScan,
  type ScanOutcome,
  type ScanUpload,
  type ScanUploadItem,
  type ScanUploadResult,
  type TokenVerification,
  verifiedByHand,
} from '@lanyard/core';
import { appendAudit } from '../audit/service.js';
import { eventOrganization } from '../devices/store.js';
import type { Queryable } from '../../platform/db/db.js';
import { forbidden } from '../../platform/errors.js';
import { scanIdTaken } from './scan-ids.js';
import type { CheckinCaller } from '../devices/checkin-access.js';
import { chooseList, toCoreList, type StoredList } from './list-choice.js';
import { scannedTextDigest, toKnownTicket } from './known-ticket.js';
import type { CheckinDeps } from './online-checkin.js';
import { currentTokens, markManual } from './corrections-store.js';
import * as store from './scan-store.js';
import { checkScannedText } from './token-check.js';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

interface Pending {
  item: ScanUploadItem;
  /** The scanned text; for a check-in by hand, the ticket's current token. */
  text: string;
  manual: boolean;
  scanId: string;
  list: StoredList;
  verification: TokenVerification;
  ticketId: string | undefined;
}

/**
 * Stores a batch of scans a kiosk made (offline, or online without hearing the answer), in one
 * transaction. Each scanId is applied once: a replay answers `replayed` with the stored outcome.
 * What the device answered is what happened at the door, so it is recorded as the scan's result;
 * the server's own reading (the rule, as of the scan's time) gives the reason. Then every touched
 * ticket's admissions are re-resolved with core's resolveAdmissions, whatever order uploads
 * arrive in, and admissions the entry rule forbids are flagged as duplicates.
 */
export async function uploadScans(
  deps: CheckinDeps,
  caller: CheckinCaller,
  eventId: string,
  upload: ScanUpload,
): Promise<ScanUploadResult> {
  if (caller.kind === 'device') {
    const stranger = upload.scans.find((s) => s.deviceId.toLowerCase() !== caller.deviceId);
    if (stranger)
      throw forbidden(
        'device_mismatch',
        `A device uploads only its own scans, not ${stranger.deviceId}'s.`,
      );
  }
  const lists = await deps.lists.get(eventId);
  const items = dedupe(upload.scans);
  const byHand = await currentTokens(
    deps.db,
    eventId,
    items.flatMap((i) => (i.ticketId ? [i.ticketId.toLowerCase()] : [])),
  );
  const pending: Pending[] = [];
  for (const item of items) {
    const choice = chooseList(eventId, lists, item, true);
    // A list the event never had: counted on the list the scan would use without one.
    const list =
      'list' in choice
        ? choice.list
        : (chooseList(eventId, lists, { ...item, listId: undefined }) as { list: StoredList }).list;
    // A check-in by hand is decided on the ticket's current code; one naming no ticket of the
    // event is recorded as invalid (`unknown_ticket`), as garbage scanned is.
    const manualId = item.ticketId?.toLowerCase();
    const text = manualId ? (byHand.get(manualId) ?? `by-hand:${manualId}`) : item.token!;
    const { verification, ticketId } =
      manualId && !byHand.has(manualId)
        ? {
            verification: verifiedByHand({ id: manualId, eventId, ticketTypeId: NIL_UUID }),
            ticketId: undefined,
          }
        : await checkScannedText(deps.keyrings, eventId, text);
    pending.push({
      item,
      text,
      manual: manualId !== undefined,
      scanId: item.scanId.toLowerCase(),
      list,
      verification,
      ticketId,
    });
  }

  const outcomes = await deps.db.transaction((tx) => store_(tx, caller, eventId, pending));
  deps.changed(eventId);
  return {
    v: SYNC_PROTOCOL_VERSION,
    outcomes: upload.scans.map((s) => outcomes.get(s.scanId.toLowerCase())!),
  };
}

async function store_(
  tx: Queryable,
  caller: CheckinCaller,
  eventId: string,
  pending: Pending[],
): Promise<Map<string, ScanOutcome>> {
  const pairs = uniquePairs(pending);
  // Locked first: a concurrent replay of this batch waits here, then sees every scan as stored.
  await store.lockPassages(tx, pairs);
  const known = new Map(
    (
      await store.findScans(
        tx,
        eventId,
        pending.map((p) => p.scanId),
      )
    ).map((s) => [s.scanId, s]),
  );
  const fresh = pending.filter((p) => !known.has(p.scanId));
  const ticketIds = [...new Set(pairs.map((p) => p.ticketId))];
  const tickets = await store.ticketFacts(tx, ticketIds);
  const admitted = await store.admittedScans(tx, ticketIds);

  const rows: store.NewScan[] = [];
  for (const p of sortScans(
    fresh.map((f) => ({
      ...f,
      // On the server's clock: kiosks' clocks differ, and only the kiosk knew by how much.
      scannedAt: serverTimeOfScan(f.item),
      direction: f.item.direction,
    })),
  )) {
    const ticket = p.ticketId ? tickets.get(p.ticketId) : undefined;
    const before = admitted
      .filter(
        (s) => s.ticketId === p.ticketId && s.listId === p.list.id && s.scannedAt < p.scannedAt,
      )
      .map((s) => ({
        scanId: s.scanId,
        direction: s.direction,
        result: s.result,
        scannedAt: s.scannedAt,
        ...(s.gate !== null && { gate: s.gate }),
      }));
    const decision = decideCheckin({
      token: p.verification,
      ticket: toKnownTicket(ticket, eventId),
      list: toCoreList(p.list),
      previousScans: before,
      direction: p.item.direction,
      at: p.scannedAt,
    });
    const result: CheckinResult = p.item.deviceResult ?? decision.result;
    const row: store.NewScan = {
      scanId: p.scanId,
      eventId,
      listId: p.list.id,
      ticketId: ticket?.eventId === eventId ? ticket.id : null,
      deviceId: p.item.deviceId.toLowerCase(),
      actor: caller.actor,
      gate: p.item.gate ?? null,
      direction: p.item.direction,
      result,
      reason: result === decision.result ? decision.reason : reasonFor(result, p.item.direction),
      origin: 'upload',
      deviceResult: p.item.deviceResult ?? null,
      tokenSha256: scannedTextDigest(p.text),
      scannedAt: p.scannedAt,
    };
    rows.push(row);
    if (row.result === 'admitted' && row.ticketId)
      admitted.push({ ...row, receivedAt: new Date() });
  }
  const inserted = await store.insertScans(tx, rows);
  for (const p of fresh)
    if (p.manual && inserted.has(p.scanId)) await markManual(tx, eventId, p.scanId);
  // Ticket-less scans lock nothing: one stored meanwhile by a concurrent replay is read back.
  for (const s of await store.findScans(
    tx,
    eventId,
    rows.filter((r) => !inserted.has(r.scanId)).map((r) => r.scanId),
  ))
    known.set(s.scanId, s);

  const taken = rows.find((r) => !inserted.has(r.scanId) && !known.has(r.scanId));
  if (taken) throw scanIdTaken(taken.scanId);
  const lists = new Map(pending.map((p) => [p.list.id, toCoreList(p.list)]));
  const duplicates = await reflag(tx, eventId, pairs, admitted, lists);
  // Last: the audit head stays locked until commit, so no row lock is taken after it.
  if (inserted.size > 0) await auditUpload(tx, caller, eventId, inserted.size, known.size);
  const outcomes = new Map<string, ScanOutcome>();
  for (const r of rows.filter((r) => inserted.has(r.scanId)))
    outcomes.set(r.scanId, outcome(r, 'stored', duplicates));
  for (const s of known.values()) outcomes.set(s.scanId, outcome(s, 'replayed', duplicates));
  return outcomes;
}

/**
 * One audit entry per uploaded batch, not per scan: each scan is already an immutable row with
 * its device and time, and a kiosk back online may upload thousands at once.
 */
async function auditUpload(
  tx: Queryable,
  caller: CheckinCaller,
  eventId: string,
  stored: number,
  replayed: number,
): Promise<void> {
  const organizationId =
    caller.kind === 'staff' ? caller.organizationId : await eventOrganization(tx, eventId);
  if (!organizationId) return;
  await appendAudit(
    tx,
    { subject: caller.actor, clientId: undefined, organizationId },
    {
      action: 'scans.uploaded',
      objectType: 'event',
      objectId: eventId,
      eventId,
      deviceId: caller.kind === 'device' ? caller.deviceId : null,
      details: { stored, replayed },
    },
  );
}

/**
 * Re-resolves the admissions of these ticket/list pairs from their counted scans (`admitted`),
 * with each list's entry rule (a room's list: per session); returns the flagged scan ids.
 */
export async function reflag(
  tx: Queryable,
  eventId: string,
  pairs: { ticketId: string; listId: string }[],
  admitted: store.StoredScan[],
  lists: ReadonlyMap<string, CheckinList>,
): Promise<Set<string>> {
  const flags: { scanId: string; ticketId: string; listId: string; duplicateOf: string }[] = [];
  for (const { ticketId, listId } of pairs) {
    const scans: RecordedScan[] = admitted
      .filter((s) => s.ticketId === ticketId && s.listId === listId)
      .map((s) => ({
        scanId: s.scanId,
        deviceId: s.deviceId ?? s.actor,
        scannedAt: s.scannedAt,
        direction: s.direction,
        result: s.result,
        ...(s.gate !== null && { gate: s.gate }),
      }));
    const list = lists.get(listId)!;
    for (const group of groupBySession(scans, list))
      for (const d of resolveAdmissions(group, list.entryRule).duplicates)
        flags.push({ scanId: d.scan.scanId, ticketId, listId, duplicateOf: d.duplicateOf });
  }
  await store.replaceFlags(tx, eventId, pairs, flags);
  return new Set(flags.map((f) => f.scanId));
}

function outcome(
  s: Pick<store.StoredScan, 'scanId' | 'result' | 'reason' | 'ticketId'>,
  status: 'stored' | 'replayed',
  duplicates: Set<string>,
): ScanOutcome {
  return {
    scanId: s.scanId,
    status,
    result: s.result,
    reason: s.reason,
    ...(s.ticketId !== null && { ticketId: s.ticketId }),
    duplicate: duplicates.has(s.scanId),
  };
}

/** The reason of a device's answer that the server's reading does not share. */
function reasonFor(result: CheckinResult, direction: 'entry' | 'exit'): CheckinReason {
  if (result === 'admitted') return direction;
  if (result === 'invalid') return 'unknown_ticket';
  return result;
}

/** A batch naming one scanId twice is applied once, from its first occurrence. */
function dedupe(items: readonly ScanUploadItem[]): ScanUploadItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const id = i.scanId.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function uniquePairs(pending: Pending[]): { ticketId: string; listId: string }[] {
  const pairs = new Map<string, { ticketId: string; listId: string }>();
  for (const p of pending)
    if (p.ticketId)
      pairs.set(`${p.ticketId}/${p.list.id}`, { ticketId: p.ticketId, listId: p.list.id });
  return [...pairs.values()];
}

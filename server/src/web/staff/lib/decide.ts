import {
  decideCheckin,
  peekTicketClaims,
  toCheckinList,
  verifiedByHand,
  verifyTicketTokenWeb,
  type TokenVerification,
  type CheckinReason,
  type CheckinResult,
  type ScanDecider,
  type SyncCheckinList,
  type WebKeyring,
} from '@lanyard/core/browser';
import type { ScanAnswer, ScanRequest } from './answer.js';
import { readTicket, recordScan } from './cache.js';
import type { Db, DeviceRecord, EventInfo } from './db.js';
import type { DeviceClient } from './server.js';

/** What both deciders need to know about where this phone scans, as of the last sync. */
export interface StationView {
  db: Db;
  device: DeviceRecord;
  gate: string | undefined;
  list(): SyncCheckinList | undefined;
  keys(): WebKeyring;
  offsetMs(): number;
  event(): EventInfo | undefined;
}

/** Longest scanned text stored or uploaded (the server refuses longer). */
const MAX_SCANNED_TEXT = 4096;

/**
 * Decides from the cache with core's rule, as a kiosk does offline: verify the token (its key
 * imported once, at sync), read the ticket and its scans on this list, decide, then record and
 * queue the scan for upload in one transaction.
 */
export class OfflineDecider implements ScanDecider<ScanRequest, ScanAnswer> {
  constructor(private readonly station: StationView) {}

  async decide(request: ScanRequest): Promise<ScanAnswer> {
    const { station } = this;
    const list = station.list();
    const offset = station.offsetMs();
    const at = new Date(request.scannedAtMs + offset);
    let answer: ScanAnswer;
    if (!list) {
      answer = { ...base(request, true), result: 'invalid', reason: 'no_list' };
    } else {
      const [token, cached] = request.ticketId
        ? await byHand(station, request.ticketId, list)
        : await scanned(station, request.data, list, at);
      const ticket = 'claims' in token && cached?.ticket;
      const decision = decideCheckin({
        token,
        ticket: ticket
          ? {
              id: ticket.id,
              status: ticket.s ? 'revoked' : 'valid',
              ticketTypeId: ticket.y,
              revision: ticket.r,
              attendeeName: ticket.n,
            }
          : undefined,
        list: toCheckinList(list),
        previousScans: 'claims' in token ? (cached?.scans ?? []) : [],
        direction: request.direction,
        at,
        policy: { admitUnknownTickets: false, clockToleranceSeconds: 60 },
      });
      answer = {
        ...base(request, true),
        result: decision.result,
        reason: decision.reason,
        ...(decision.ticketId !== undefined && { ticketId: decision.ticketId }),
        ...(decision.ticketTypeId !== undefined && { ticketTypeId: decision.ticketTypeId }),
        ...(decision.attendeeName !== undefined && { name: decision.attendeeName }),
        ...(decision.result === 'already_checked_in' && {
          previousAt: decision.previousAdmission.at.toISOString(),
          ...(decision.previousAdmission.gate !== undefined && {
            previousGate: decision.previousAdmission.gate,
          }),
        }),
      };
    }
    named(answer, station.event());
    const { device, gate } = station;
    await recordScan(
      station.db,
      answer,
      list && answer.ticketId
        ? {
            scanId: request.scanId,
            t: answer.ticketId,
            l: list.id,
            d: request.direction,
            res: answer.result,
            at: at.getTime(),
            dev: device.deviceId,
            ...(gate !== undefined && { g: gate }),
          }
        : undefined,
      {
        scanId: request.scanId,
        ...(request.ticketId
          ? { ticketId: request.ticketId }
          : { token: request.data.slice(0, MAX_SCANNED_TEXT) }),
        scannedAt: new Date(request.scannedAtMs).toISOString(),
        clockOffsetMs: offset,
        deviceId: device.deviceId,
        direction: request.direction,
        deviceResult: answer.result,
        ...(gate !== undefined && { gate }),
        ...(list && { listId: list.id }),
      },
      request.scannedAtMs,
    );
    return answer;
  }
}

interface OnlineAnswer {
  result: CheckinResult;
  reason?: CheckinReason;
  listId?: string;
  ticketId?: string;
  ticketTypeId?: string;
  attendee?: { name: string };
  ticketType?: { id: string; name: string };
  previousAdmission?: { at: string; gate?: string };
}

/**
 * Asks the server, whose one conditional write decides across all doors; the answer is recorded
 * here too (not queued: the server has it) so the phone knows who is inside if it goes offline.
 */
export class OnlineDecider implements ScanDecider<ScanRequest, ScanAnswer> {
  constructor(
    private readonly station: StationView,
    private readonly client: DeviceClient,
  ) {}

  async decide(request: ScanRequest, signal?: AbortSignal): Promise<ScanAnswer> {
    const { station } = this;
    const list = station.list();
    const { body } = await this.client.request<OnlineAnswer>(
      'POST',
      '/checkins',
      {
        ...(request.ticketId
          ? { ticketId: request.ticketId }
          : { token: request.data.slice(0, MAX_SCANNED_TEXT) }),
        scanId: request.scanId,
        direction: request.direction,
        ...(station.gate !== undefined && { gate: station.gate }),
        ...(list && { listId: list.id }),
      },
      signal,
    );
    const answer: ScanAnswer = {
      ...base(request, false),
      result: body.result,
      reason: body.reason ?? (body.result === 'admitted' ? request.direction : body.result),
      ...(body.ticketId !== undefined && { ticketId: body.ticketId.toLowerCase() }),
      ...(body.ticketTypeId !== undefined && { ticketTypeId: body.ticketTypeId }),
      ...(body.attendee && { name: body.attendee.name }),
      ...(body.ticketType && { typeName: body.ticketType.name }),
      ...(body.previousAdmission && {
        previousAt: body.previousAdmission.at,
        ...(body.previousAdmission.gate !== undefined && {
          previousGate: body.previousAdmission.gate,
        }),
      }),
    };
    named(answer, station.event());
    const listId = body.listId ?? list?.id;
    const { device, gate } = station;
    await recordScan(
      station.db,
      answer,
      listId && answer.ticketId
        ? {
            scanId: request.scanId,
            t: answer.ticketId,
            l: listId,
            d: request.direction,
            res: answer.result,
            at: request.scannedAtMs + station.offsetMs(),
            dev: device.deviceId,
            ...(gate !== undefined && { g: gate }),
          }
        : undefined,
      undefined,
      request.scannedAtMs,
    );
    return answer;
  }
}

type Cached = Awaited<ReturnType<typeof readTicket>>;

/** A scanned code, verified with the event's keys, and the ticket it claims from the cache. */
async function scanned(
  station: StationView,
  data: string,
  list: SyncCheckinList,
  at: Date,
): Promise<[TokenVerification, Cached | undefined]> {
  const claimed = peekTicketClaims(data);
  return Promise.all([
    verifyTicketTokenWeb(data, { keys: station.keys(), now: at }),
    claimed ? readTicket(station.db, claimed.ticketId, list.id) : undefined,
  ]);
}

/** A ticket chosen by hand from the cache: as good as its current code (see verifiedByHand). */
async function byHand(
  station: StationView,
  ticketId: string,
  list: SyncCheckinList,
): Promise<[TokenVerification, Cached | undefined]> {
  const cached = await readTicket(station.db, ticketId, list.id);
  const t = cached.ticket;
  return [
    verifiedByHand({
      id: ticketId,
      eventId: list.eventId,
      ticketTypeId: t?.y ?? NIL_UUID,
      revision: t?.r,
    }),
    cached,
  ];
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function base(request: ScanRequest, offline: boolean) {
  return { scanId: request.scanId, direction: request.direction, offline };
}

/** Adds the ticket type's name from the event's public page when the answer lacks it. */
function named(answer: ScanAnswer, event: EventInfo | undefined): void {
  if (answer.typeName === undefined && answer.ticketTypeId !== undefined) {
    const name = event?.ticketTypes[answer.ticketTypeId];
    if (name !== undefined) answer.typeName = name;
  }
}

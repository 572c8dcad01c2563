import { checkValidityWindow } from '../ticket-token/validity.js';
import { roomRefusal, scansOfSession, sessionAt } from './door-sessions.js';
import { replayPassages } from './passages.js';
import type {
  CheckinDecision,
  CheckinInput,
  InvalidReason,
  PreviousAdmission,
  PriorScan,
  ScanDirection,
  TicketSummary,
} from './types.js';

/**
 * Decides one scan. The same function runs on the server (online) and on the kiosk (offline), so
 * both answer alike. Checks, first failure wins:
 *
 * | # | check                                         | result / reason                        |
 * |---|-----------------------------------------------|----------------------------------------|
 * | 1 | token shape, key, signature                   | invalid / malformed, unknown_key, bad_signature |
 * | 2 | token's event is the list's event             | invalid / wrong_event                  |
 * | 3 | ticket known locally (or policy admits it)    | invalid / unknown_ticket               |
 * | 4 | ticket not revoked                            | revoked / revoked                      |
 * | 5 | token not older than the ticket's revision    | revoked / superseded                   |
 * | 6 | entry: token validity window contains `at`    | invalid / not_valid_yet, expired       |
 * | 7 | list admits the ticket's (current) type       | invalid / not_on_list                  |
 * | 8 | entry: list's time window contains `at`       | invalid / outside_window               |
 * | 8a| entry, room list: a session is on now          | invalid / no_session_now               |
 * | 8b| entry, room list: signed up if it takes signups | invalid / not_signed_up                |
 * | 9 | entry: the list's entry rule allows it        | already_checked_in (with the previous admission) |
 * |   | exit: the ticket is inside                    | invalid / not_checked_in               |
 * | — | otherwise                                     | admitted / entry or exit               |
 *
 * Exits skip the time windows: someone inside when a window closes must still be able to leave.
 * Time and event are judged here from the signed claims, whatever `now` the token was verified
 * at, so a scan uploaded late is judged at the moment it was made.
 */
export function decideCheckin(input: CheckinInput): CheckinDecision {
  const { token, ticket, list, at } = input;
  const direction: ScanDirection = input.direction ?? 'entry';
  const invalid = (reason: InvalidReason, summary: TicketSummary = {}): CheckinDecision => ({
    result: 'invalid',
    reason,
    direction,
    ...summary,
  });

  if (
    !token.ok &&
    (token.reason === 'malformed' ||
      token.reason === 'unknown_key' ||
      token.reason === 'bad_signature')
  ) {
    return invalid(token.reason);
  }
  const claims = token.claims;
  if (claims.eventId !== list.eventId.toLowerCase()) {
    return invalid('wrong_event', { ticketId: claims.ticketId, ticketTypeId: claims.ticketTypeId });
  }

  const known = ticket && ticket.id.toLowerCase() === claims.ticketId ? ticket : undefined;
  if (!known && !input.policy?.admitUnknownTickets) {
    return invalid('unknown_ticket', {
      ticketId: claims.ticketId,
      ticketTypeId: claims.ticketTypeId,
    });
  }
  const summary = {
    ticketId: claims.ticketId,
    ticketTypeId: known?.ticketTypeId ?? claims.ticketTypeId,
    ...(known?.attendeeName !== undefined && { attendeeName: known.attendeeName }),
  };
  if (known?.status === 'revoked')
    return { result: 'revoked', reason: 'revoked', direction, ...summary };
  if (known && claims.revision < (known.revision ?? 0)) {
    return { result: 'revoked', reason: 'superseded', direction, ...summary };
  }

  if (direction === 'entry') {
    const validity = checkValidityWindow(claims, at, input.policy?.clockToleranceSeconds ?? 0);
    if (validity !== 'valid')
      return invalid(validity === 'expired' ? 'expired' : 'not_valid_yet', summary);
  }
  if (list.ticketTypeIds !== 'all' && !list.ticketTypeIds.includes(summary.ticketTypeId)) {
    return invalid('not_on_list', summary);
  }
  if (direction === 'entry' && !withinListWindow(list, at))
    return invalid('outside_window', summary);
  if (direction === 'entry') {
    const refusal = roomRefusal(list, summary.ticketId, at);
    if (refusal) return invalid(refusal, summary);
  }

  // A room's list counts entries per session: the one on now (an exit: all, if none is).
  const session = list.sessions && sessionAt(list.sessions, at);
  const passages = replayPassages(
    session ? scansOfSession(input.previousScans, list.sessions!, session) : input.previousScans,
  );
  if (direction === 'exit') {
    return passages.inside
      ? { result: 'admitted', reason: 'exit', direction, ...summary }
      : invalid('not_checked_in', summary);
  }
  const blocking =
    list.entryRule === 'single'
      ? passages.firstEntry
      : list.entryRule === 'reentry_after_exit' && passages.inside
        ? passages.lastEntry
        : undefined;
  if (blocking) {
    return {
      result: 'already_checked_in',
      reason: 'already_checked_in',
      direction,
      ...summary,
      previousAdmission: previousAdmission(blocking),
    };
  }
  return { result: 'admitted', reason: 'entry', direction, ...summary };
}

function withinListWindow(list: CheckinInput['list'], at: Date): boolean {
  const t = at.getTime();
  if (list.opensAt && t < list.opensAt.getTime()) return false;
  if (list.closesAt && t >= list.closesAt.getTime()) return false;
  return true;
}

function previousAdmission(scan: PriorScan): PreviousAdmission {
  return {
    at: scan.scannedAt,
    ...(scan.gate !== undefined && { gate: scan.gate }),
    ...(scan.deviceId !== undefined && { deviceId: scan.deviceId }),
    ...(scan.scanId !== undefined && { scanId: scan.scanId }),
  };
}

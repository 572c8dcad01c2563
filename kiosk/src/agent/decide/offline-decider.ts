import {
  MAX_SCANNED_TEXT_LENGTH,
  PublicKeyring,
  decideCheckin,
  peekTicketClaims,
  verifyTicketToken,
  type CheckinDecision,
  type VerifiedTicketClaims,
} from '@lanyard/core';
import type { WriteDb } from '../cache/handles.js';
import { findScan, recordLocalScan } from '../cache/scan-store.js';
import { readClockOffset, stateVersion } from '../cache/state-store.js';
import {
  findList,
  findTicket,
  priorScans,
  trustedKeys,
  type CachedList,
} from '../cache/ticket-store.js';
import type { CheckInDecider, ScanAnswer, ScanRequest, Station } from './decider.js';

/**
 * Decides from the cache with core's rule: look the ticket up, verify the token (a scan of the
 * ticket's current token, known by its synced digest, needs no signature check), replay its
 * scans, decide, record the scan and queue it for upload, all in one transaction, so an answer
 * shown on screen is always an answer stored and queued.
 */
export class OfflineDecider implements CheckInDecider {
  // Derived from the cache and kept until the next sync writes to it (see stateVersion).
  private derived:
    | { version: number; keyring: PublicKeyring; offset: number; list: CachedList | undefined }
    | undefined;

  constructor(
    private readonly db: WriteDb,
    private readonly station: Station,
  ) {}

  async decide(request: ScanRequest): Promise<ScanAnswer> {
    return this.decideNow(request);
  }

  /** The same, synchronously: no I/O but the local database. */
  decideNow(request: ScanRequest): ScanAnswer {
    return this.db.transaction(() => this.decideInTransaction(request))();
  }

  private decideInTransaction(request: ScanRequest): ScanAnswer {
    const { station } = this;
    const { keyring, offset, list } = this.current();
    const at = new Date(request.scannedAtMs + offset);
    // The ticket is looked up first: a scan of its current token, as synced, skips the signature.
    const claimed = peekTicketClaims(request.data);
    const cached = claimed && findTicket(this.db, claimed.ticketId);
    const token = verifyTicketToken(request.data, {
      keys: keyring,
      now: at,
      issuedTokenSha256: cached?.tokenSha256,
    });
    // Verified claims name the ticket claimed (the same bytes); unverified text names none.
    const claims: VerifiedTicketClaims | undefined = 'claims' in token ? token.claims : undefined;

    let answer: ScanAnswer;
    if (!list) {
      answer = {
        scanId: request.scanId,
        result: 'invalid',
        reason: 'no_list',
        direction: request.direction,
        offline: true,
      };
    } else {
      const decision = decideCheckin({
        token,
        ticket: claims && cached,
        list,
        previousScans: claims ? priorScans(this.db, claims.ticketId, list.id) : [],
        direction: request.direction,
        at,
        policy: {
          admitUnknownTickets: station.admitUnknownTickets ?? false,
          clockToleranceSeconds: station.clockToleranceSeconds ?? 60,
        },
      });
      answer = toAnswer(request.scanId, decision);
    }
    const recorded = recordLocalScan(this.db, {
      scanId: request.scanId,
      eventId: station.eventId,
      deviceId: station.deviceId,
      direction: request.direction,
      result: answer.result,
      reason: answer.reason,
      scannedAtMs: request.scannedAtMs,
      clockOffsetMs: offset,
      origin: 'offline',
      token: request.data.slice(0, MAX_SCANNED_TEXT_LENGTH),
      ...(list && { listId: list.id }),
      ...(answer.ticketId !== undefined && { ticketId: answer.ticketId }),
      ...(station.gate !== undefined && { gate: station.gate }),
    });
    // A retried scanId keeps the answer it first got; the fresh decision is dropped.
    return recorded ? answer : recordedAnswer(request.scanId, findScan(this.db, request.scanId)!);
  }

  /** Keys, clock offset and list as of the last sync; importing keys is too slow per scan. */
  private current() {
    const version = stateVersion(this.db);
    if (this.derived?.version !== version) {
      this.derived = {
        version,
        keyring: new PublicKeyring(trustedKeys(this.db)),
        offset: readClockOffset(this.db),
        list: findList(this.db, this.station.eventId, this.station.listId, this.station.gate),
      };
    }
    return this.derived;
  }
}

/** Core's decision as the screen's answer. */
export function toAnswer(scanId: string, decision: CheckinDecision): ScanAnswer {
  return {
    scanId,
    result: decision.result,
    reason: decision.reason,
    direction: decision.direction,
    offline: true,
    ...(decision.ticketId !== undefined && { ticketId: decision.ticketId }),
    ...(decision.ticketTypeId !== undefined && { ticketTypeId: decision.ticketTypeId }),
    ...(decision.attendeeName !== undefined && { attendee: { name: decision.attendeeName } }),
    ...(decision.result === 'already_checked_in' && {
      previousAdmission: {
        at: decision.previousAdmission.at.toISOString(),
        ...(decision.previousAdmission.gate !== undefined && {
          gate: decision.previousAdmission.gate,
        }),
        ...(decision.previousAdmission.deviceId !== undefined && {
          deviceId: decision.previousAdmission.deviceId,
        }),
      },
    }),
  };
}

/** The answer a scan got when it was first decided. */
export function recordedAnswer(
  scanId: string,
  scan: NonNullable<ReturnType<typeof findScan>>,
): ScanAnswer {
  return {
    scanId,
    result: scan.result,
    reason: (scan.reason ?? scan.result) as ScanAnswer['reason'],
    direction: scan.direction,
    offline: scan.origin === 'offline',
    ...(scan.ticketId !== null && { ticketId: scan.ticketId }),
    ...(scan.ticketTypeId && { ticketTypeId: scan.ticketTypeId }),
    ...(scan.attendeeName && { attendee: { name: scan.attendeeName } }),
  };
}

import { MAX_SCANNED_TEXT_LENGTH } from '@lanyard/core';
import type { WriteDb } from '../cache/handles.js';
import { recordLocalScan } from '../cache/scan-store.js';
import { readClockOffset } from '../cache/state-store.js';
import { findList } from '../cache/ticket-store.js';
import type { CheckinTransport } from '../sync/transport.js';
import type { CheckInDecider, ScanAnswer, ScanRequest, Station } from './decider.js';

/**
 * Asks the server, whose one conditional write decides across all gates. The answer is recorded
 * in the cache too (not queued: the server has it), so this kiosk knows the ticket is inside if
 * it must decide offline a minute later.
 */
export class OnlineDecider implements CheckInDecider {
  constructor(
    private readonly transport: CheckinTransport,
    private readonly db: WriteDb,
    private readonly station: Station,
  ) {}

  async decide(request: ScanRequest, signal?: AbortSignal): Promise<ScanAnswer> {
    const { station } = this;
    const { body } = await this.transport.checkin(
      {
        token: request.data,
        scanId: request.scanId,
        ...(station.gate !== undefined && { gate: station.gate }),
        ...(request.direction === 'exit' && { direction: 'exit' as const }),
        ...(station.listId !== undefined && { listId: station.listId }),
      },
      signal,
    );
    const answer: ScanAnswer = {
      scanId: request.scanId,
      result: body.result,
      reason: body.reason ?? (body.result === 'admitted' ? request.direction : body.result),
      direction: request.direction,
      offline: false,
      ...(body.ticketId !== undefined && { ticketId: body.ticketId }),
      ...(body.ticketTypeId !== undefined && { ticketTypeId: body.ticketTypeId }),
      ...(body.attendeeName !== undefined && { attendee: { name: body.attendeeName } }),
      ...(body.previousAdmission !== undefined && { previousAdmission: body.previousAdmission }),
    };
    this.db.transaction(() => {
      // Counted where the server counted it; the local choice only if it did not say.
      const listId =
        body.listId ?? findList(this.db, station.eventId, station.listId, station.gate)?.id;
      recordLocalScan(this.db, {
        scanId: request.scanId,
        eventId: station.eventId,
        deviceId: station.deviceId,
        direction: request.direction,
        result: answer.result,
        reason: answer.reason,
        scannedAtMs: request.scannedAtMs,
        clockOffsetMs: readClockOffset(this.db),
        origin: 'online',
        token: request.data.slice(0, MAX_SCANNED_TEXT_LENGTH),
        ...(listId !== undefined && { listId }),
        ...(answer.ticketId !== undefined && { ticketId: answer.ticketId }),
        ...(station.gate !== undefined && { gate: station.gate }),
      });
    })();
    return answer;
  }
}

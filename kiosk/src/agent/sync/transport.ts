import type {
  CheckinReason,
  CheckinResult,
  ScanDirection,
  ServerClock,
  ScanUploadItemInput,
  ScanUploadResult,
  SyncPage,
} from '@lanyard/core';

export type { ServerClock };

/** A parsed server answer with the timing needed to measure the clock offset. */
export interface Answered<T> {
  body: T;
  clock?: ServerClock;
}

/** The HTTP side of sync; the fetch implementation talks to the server, tests may use others. */
export interface SyncTransport {
  /** `GET /api/v1/events/{eventId}/sync?cursor=C`; no cursor asks for a snapshot. */
  pull(cursor: string | undefined, signal?: AbortSignal): Promise<Answered<SyncPage>>;
  /** `POST /api/v1/events/{eventId}/scans`, at most MAX_SCANS_PER_UPLOAD at once. */
  push(scans: ScanUploadItemInput[], signal?: AbortSignal): Promise<Answered<ScanUploadResult>>;
}

/** What the kiosk sends to the server's online check-in. */
export interface OnlineCheckinRequest {
  token: string;
  scanId: string;
  gate?: string;
  direction?: ScanDirection;
  listId?: string;
}

/** The server's online decision, read leniently beyond the contract's fields. */
export interface OnlineCheckinAnswer {
  result: CheckinResult;
  reason?: CheckinReason;
  ticketId?: string;
  ticketTypeId?: string;
  /** The list the server counted the scan on. */
  listId?: string;
  attendeeName?: string;
  previousAdmission?: { at: string; gate?: string; deviceId?: string };
}

/** `POST /api/v1/events/{eventId}/checkins`. */
export interface CheckinTransport {
  checkin(
    request: OnlineCheckinRequest,
    signal?: AbortSignal,
  ): Promise<Answered<OnlineCheckinAnswer>>;
}

/** `POST /api/v1/events/{eventId}/scans/{scanId}/annul`: takes a wrong admission back. */
export interface AnnulTransport {
  annul(scanId: string, signal?: AbortSignal): Promise<Answered<unknown>>;
}

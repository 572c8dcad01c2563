import type { CheckinReason, CheckinResult, ScanDecider, ScanDirection } from '@lanyard/core';

/** One scan to decide. The scanId is made once, so a retry or a fallback reuses it. */
export interface ScanRequest {
  scanId: string;
  /** The exact scanned text. */
  data: string;
  direction: ScanDirection;
  /** This device's clock when the code was read. */
  scannedAtMs: number;
}

/** Finer reasons than core's, for states only a kiosk can be in. */
export type AgentReason =
  | CheckinReason
  /** The cache holds no check-in list yet (never synced). */
  | 'no_list'
  /** The server said `invalid` without a finer reason. */
  | 'invalid';

/** The answer the screen shows: the contract's result word, and who decided. */
export interface ScanAnswer {
  scanId: string;
  result: CheckinResult;
  reason: AgentReason;
  direction: ScanDirection;
  /** True when this kiosk decided from its cache, without the server. */
  offline: boolean;
  ticketId?: string;
  ticketTypeId?: string;
  attendee?: { name: string };
  /** For `already_checked_in`: when and where the ticket got in. */
  previousAdmission?: { at: string; gate?: string; deviceId?: string };
}

/**
 * Decides scans. The online implementation asks the server, the offline one decides from the
 * cache; the screen cannot tell them apart except by `offline`.
 */
export type CheckInDecider = ScanDecider<ScanRequest, ScanAnswer>;

/** Where this kiosk stands: the event, itself, and how lenient it is offline. */
export interface Station {
  eventId: string;
  deviceId: string;
  gate?: string;
  /** The check-in list to scan for; absent: the event's first list by name. */
  listId?: string;
  /** Admit validly signed tickets sold after the last sync (default false: refuse them). */
  admitUnknownTickets?: boolean;
  /** Seconds of clock difference forgiven at the edges of a token's validity (default 60). */
  clockToleranceSeconds?: number;
}

import type { CheckinReason, CheckinResult, ScanDirection } from '@lanyard/core/browser';

/** One scan to decide; the scanId is made once, so the offline fallback reuses it. */
export interface ScanRequest {
  scanId: string;
  /** The exact scanned text ('' for a check-in by hand). */
  data: string;
  /** A check-in by hand: the ticket staff found by name, instead of a scanned code. */
  ticketId?: string;
  direction: ScanDirection;
  /** This phone's clock when the code was read. */
  scannedAtMs: number;
}

/** The answer the card shows: the contract's result word, the reason, and who decided. */
export interface ScanAnswer {
  scanId: string;
  result: CheckinResult;
  reason: CheckinReason | 'no_list' | 'invalid';
  direction: ScanDirection;
  /** True when this phone decided from its cache, without the server. */
  offline: boolean;
  ticketId?: string;
  ticketTypeId?: string;
  name?: string;
  typeName?: string;
  /** For `already_checked_in`: when and where the ticket got in. */
  previousAt?: string;
  previousGate?: string;
}

export type Tone = 'green' | 'amber' | 'red';

const REASONS: Record<ScanAnswer['reason'], string> = {
  entry: 'Welcome',
  exit: 'Exit recorded',
  already_checked_in: 'Already checked in',
  revoked: 'This ticket was revoked',
  superseded: 'An older copy of a reissued ticket',
  malformed: 'Not a ticket code',
  unknown_key: 'Not signed by this event’s keys',
  bad_signature: 'Forged or damaged code',
  wrong_event: 'A ticket for another event',
  not_valid_yet: 'Not valid yet',
  expired: 'Expired',
  unknown_ticket: 'Unknown ticket (sold after the last sync?)',
  not_on_list: 'Not allowed on this list',
  outside_window: 'This list is closed now',
  not_checked_in: 'Exit of someone not inside',
  no_session_now: 'No session in this room now',
  not_signed_up: 'Not signed up for this session',
  no_list: 'Not ready: no check-in list synced yet',
  invalid: 'Not a valid ticket',
};

/** The card's colour and headline: green in, amber seen before, red refused. */
export function answerWords(answer: ScanAnswer): { tone: Tone; title: string; detail: string } {
  const detail = REASONS[answer.reason] ?? answer.reason;
  if (answer.result === 'admitted') {
    return { tone: 'green', title: answer.direction === 'exit' ? 'EXIT' : 'ADMIT', detail };
  }
  if (answer.result === 'already_checked_in') return { tone: 'amber', title: 'ALREADY IN', detail };
  return { tone: 'red', title: answer.result === 'revoked' ? 'REVOKED' : 'DENIED', detail };
}

import type { TokenVerification } from '../ticket-token/verification.js';

/** The result word of the outside contract, shown as green / red on every screen. */
export type CheckinResult = 'admitted' | 'already_checked_in' | 'revoked' | 'invalid';

/** Whether a scan lets someone in or records them leaving. */
export type ScanDirection = 'entry' | 'exit';

/**
 * How often a ticket may enter through one check-in list:
 * - `single`: once, ever (an exit does not allow a second entry);
 * - `reentry_after_exit`: again after an exit has been scanned;
 * - `multi`: any number of times (a day pass scanned at every session door).
 */
export type EntryRule = 'single' | 'reentry_after_exit' | 'multi';

/** A check-in list: which tickets it admits, when, and how often. */
export interface CheckinList {
  id: string;
  eventId: string;
  /** Ticket types this list admits, or `'all'`. */
  ticketTypeIds: readonly string[] | 'all';
  /** First instant the list admits (inclusive); no bound when absent. */
  opensAt?: Date;
  /** First instant the list no longer admits (exclusive); no bound when absent. */
  closesAt?: Date;
  entryRule: EntryRule;
  /**
   * Present on a room's list: the released sessions in that room. An entry is admitted only
   * while one of them is on (see door-sessions.ts), and for a session with signup only to its
   * confirmed signups; the entry rule then counts per session.
   */
  sessions?: readonly DoorSession[];
}

/** A session as a room's door sees it. */
export interface DoorSession {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Ticket ids (lower case) holding a confirmed signup; null: a session without signup. */
  signedUp: ReadonlySet<string> | null;
}

/** The ticket as the deciding side knows it (server database or kiosk cache). */
export interface KnownTicket {
  id: string;
  status: 'valid' | 'revoked';
  /** Current type; wins over the type in the token, which may predate an upgrade. */
  ticketTypeId: string;
  /** Current revision; a token with a lower one was replaced by a reissue or transfer. */
  revision?: number;
  attendeeName?: string;
}

/** A scan already recorded for this ticket on this list. */
export interface PriorScan {
  scanId?: string;
  direction: ScanDirection;
  /** What that scan answered; only `admitted` scans move the ticket in or out. */
  result: CheckinResult;
  scannedAt: Date;
  gate?: string;
  deviceId?: string;
}

/** Everything the check-in rule needs to decide one scan. */
export interface CheckinInput {
  /** The token's verification, from verifyTicketToken (its time and event checks are redone here). */
  token: TokenVerification;
  /** The ticket named by the token as known locally; null or undefined when not known. */
  ticket: KnownTicket | null | undefined;
  list: CheckinList;
  /** This ticket's earlier scans on this list, in any order. */
  previousScans: readonly PriorScan[];
  /** Default `entry`. */
  direction?: ScanDirection;
  /** When the scan happened (the device's clock, corrected if known). */
  at: Date;
  policy?: CheckinPolicy;
}

/** Tunables of the rule; the defaults suit the server. */
export interface CheckinPolicy {
  /**
   * Admit a validly signed ticket missing from the local cache (sold after the last sync), using
   * the type in its token. Default false: refuse it as `unknown_ticket`.
   */
  admitUnknownTickets?: boolean;
  /** Seconds of clock difference forgiven at the ends of the token's validity window; default 0. */
  clockToleranceSeconds?: number;
}

/** Where and when a ticket was admitted before, for the "already checked in" screen. */
export interface PreviousAdmission {
  at: Date;
  gate?: string;
  deviceId?: string;
  scanId?: string;
}

/** Why a scan is `invalid`. */
export type InvalidReason =
  | 'malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'wrong_event'
  | 'not_valid_yet'
  | 'expired'
  | 'unknown_ticket'
  | 'not_on_list'
  | 'outside_window'
  | 'not_checked_in'
  /** A room's list: no session in that room now (doors open shortly before it starts). */
  | 'no_session_now'
  /** A room's list: the session on now takes its signups only, and this ticket has none. */
  | 'not_signed_up';

/** Every finer reason a decision can carry, for screens and logs. */
export type CheckinReason =
  'entry' | 'exit' | 'already_checked_in' | 'revoked' | 'superseded' | InvalidReason;

/** What the screen shows about the ticket, when the token named one. */
export interface TicketSummary {
  ticketId?: string;
  ticketTypeId?: string;
  attendeeName?: string;
}

/** The decision for one scan: the contract's result word plus a finer reason. */
export type CheckinDecision = TicketSummary & { direction: ScanDirection } & (
    | { result: 'admitted'; reason: 'entry' | 'exit'; ticketId: string; ticketTypeId: string }
    | {
        result: 'already_checked_in';
        reason: 'already_checked_in';
        ticketId: string;
        previousAdmission: PreviousAdmission;
      }
    | { result: 'revoked'; reason: 'revoked' | 'superseded'; ticketId: string }
    | { result: 'invalid'; reason: InvalidReason }
  );

/**
 * @lanyard/core/browser: what the staff phone app runs, with no Node module and no zod, so the
 * phone decides a scan with the very rule and token checks the server and the kiosks use.
 */
export { CoreError, type CoreErrorCode } from './errors.js';
export type { TicketClaims, VerifiedTicketClaims } from './ticket-token/claims.js';
export type { PublicKeyMaterial } from './ticket-token/keys.js';
export {
  peekTicketClaims,
  type TokenVerification,
  type TokenFailureReason,
} from './ticket-token/verification.js';
export {
  WebKeyring,
  verifyTicketTokenWeb,
  type WebVerifyOptions,
} from './ticket-token/verify-web.js';

export { decideCheckin } from './checkin/decide.js';
export { BY_HAND_KID, verifiedByHand } from './checkin/by-hand.js';
export type {
  CheckinDecision,
  CheckinList,
  CheckinReason,
  CheckinResult,
  EntryRule,
  KnownTicket,
  PriorScan,
  ScanDirection,
} from './checkin/types.js';
export type {
  SyncChange,
  SyncCheckinList,
  SyncPage,
  SyncScan,
  SyncTicket,
} from './sync/change-feed.js';
export type { ScanOutcome, ScanUploadItemInput, ScanUploadResult } from './sync/scan-upload.js';
export { toCheckinList, toKnownTicket } from './sync/convert.js';

export * from './device/index.js';
export { buildIcs, type CalendarEntry } from './calendar/ics.js';

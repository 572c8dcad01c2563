/**
 * @lanyard/core: the pure domain shared by the server and the kiosk agent. No I/O here.
 *
 * - ticket tokens: the signed text a ticket's QR code encodes (sign on the server, verify anywhere);
 * - check-in: the rule that decides one scan, and the resolution of offline duplicates;
 * - sync: the messages of the kiosk change feed and the scan upload;
 * - notifications: the message kinds an event may send by SMS, and those whose subject and intro
 *   an event may rewrite with which placeholders (the server and the event file).
 */
export { CoreError, type CoreErrorCode } from './errors.js';

export type { TicketClaims, VerifiedTicketClaims } from './ticket-token/claims.js';
export { TICKET_TOKEN_MAX_LENGTH, TOKEN_PREFIX, ticketTokenLength } from './ticket-token/format.js';
export {
  generateSigningKey,
  importSigningKey,
  toPublicJwk,
  toPublicKeyMaterial,
  type PublicJwk,
  type PublicKeyMaterial,
  type SigningKeyMaterial,
} from './ticket-token/keys.js';
export { PublicKeyring } from './ticket-token/keyring.js';
export { signTicketToken } from './ticket-token/sign.js';
export { checkValidityWindow } from './ticket-token/validity.js';
export {
  peekTicketClaims,
  ticketTokenSha256,
  verifyTicketToken,
  type MalformedDetail,
  type TokenClaimsRejection,
  type TokenFailureReason,
  type TokenRejection,
  type TokenVerification,
  type VerifyOptions,
} from './ticket-token/verify.js';
export { isUuid } from './encoding/uuid.js';

export { decideCheckin } from './checkin/decide.js';
export { BY_HAND_KID, verifiedByHand } from './checkin/by-hand.js';
export {
  resolveAdmissions,
  type AdmissionResolution,
  type DuplicateAdmission,
  type RecordedScan,
} from './checkin/resolve.js';
export { sortScans } from './checkin/passages.js';
export {
  SESSION_DOORS_OPEN_MINUTES,
  groupBySession,
  roomRefusal,
  scansOfSession,
  sessionAt,
} from './checkin/door-sessions.js';
export type {
  CheckinDecision,
  CheckinInput,
  CheckinList,
  CheckinPolicy,
  CheckinReason,
  CheckinResult,
  DoorSession,
  EntryRule,
  InvalidReason,
  KnownTicket,
  PreviousAdmission,
  PriorScan,
  ScanDirection,
  TicketSummary,
} from './checkin/types.js';

export {
  SYNC_PROTOCOL_VERSION,
  checkinReasonSchema,
  checkinResultSchema,
  entryRuleSchema,
  instantSchema,
  publicKeySchema,
  scanDirectionSchema,
  uuidSchema,
} from './sync/common.js';
export {
  syncChangeSchema,
  syncCheckinListSchema,
  syncPageSchema,
  syncScanSchema,
  syncTicketSchema,
  type SyncChange,
  type SyncChangeType,
  type SyncCheckinList,
  type SyncDoorSession,
  type SyncPage,
  type SyncScan,
  type SyncTicket,
} from './sync/change-feed.js';
export {
  MAX_SCANNED_TEXT_LENGTH,
  MAX_CLOCK_OFFSET_MS,
  MAX_SCANS_PER_UPLOAD,
  scanOutcomeSchema,
  scanUploadItemSchema,
  scanUploadResultSchema,
  scanUploadSchema,
  serverTimeOfScan,
  type ScanOutcome,
  type ScanUpload,
  type ScanUploadItem,
  type ScanUploadItemInput,
  type ScanUploadResult,
} from './sync/scan-upload.js';
export { toCheckinList, toDoorSession, toKnownTicket } from './sync/convert.js';

export * from './device/index.js';
export { buildCalendar, buildIcs, type CalendarEntry } from './calendar/ics.js';

export { SMS_KINDS, isSmsKind, type SmsKind } from './notifications/sms-kinds.js';
export {
  BRACED,
  MESSAGE_TEXT_KINDS,
  MESSAGE_TEXT_MAX_LENGTH,
  MESSAGE_TEXT_PLACEHOLDERS,
  isMessageTextPlaceholder,
  placeholderProblem,
  unknownPlaceholders,
  type MessageTextKind,
  type MessageTextPlaceholder,
} from './notifications/message-texts.js';

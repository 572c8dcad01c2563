/** The station agent: what `lanyard kiosk start` runs. */
export { createAgent, type Agent, type AgentOptions } from './agent.js';
export type { AgentStatus } from './api/local-api.js';
export type { AttendeeMatch } from './cache/attendee-search.js';
export type { DeviceCredentials } from './cache/device-store.js';
export { CACHE_FILE } from './cache/handles.js';
export { SCHEMA_VERSION } from './cache/migrations.js';
export type { AgentReason, CheckInDecider, ScanAnswer, ScanRequest } from './decide/decider.js';
export {
  AgentError,
  DbVersionFromFutureError,
  EnrollmentError,
  TransportError,
  type AgentErrorCode,
} from './errors.js';
export {
  enrollStation,
  type EnrolledStation,
  type StationSetup,
} from './enrollment/enroll-station.js';
export { readEnrollmentInput, type EnrollmentInput } from './enrollment/enrollment-code.js';
export { redeemEnrollmentCode, type Enrollment } from './enrollment/redeem.js';
export type { PrintingOptions, PrinterState } from './printing/badge-printing.js';
export type { PrintJob, PrintJobState } from './printing/print-job.js';
export type { ScannerState } from './scanning/scanner-input.js';
export { isValidPin } from './staff/staff-sessions.js';
export type { StationInfo } from './staff/staff-routes.js';

// The shapes the agent's local API answers with, taken from the agent itself (types only:
// nothing of the agent's code reaches the page).
import type { AgentStatus } from '../agent/api/local-api.js';
import type { AttendeeMatch } from '../agent/cache/attendee-search.js';
import type { ScanAnswer } from '../agent/decide/decider.js';
import type { PrinterState } from '../agent/printing/badge-printing.js';
import type { PrintJob } from '../agent/printing/print-job.js';
import type { ScannerState } from '../agent/scanning/scanner-input.js';
import type { StationInfo } from '../agent/staff/staff-routes.js';

export type { AgentStatus, AttendeeMatch, PrinterState, PrintJob, ScannerState, StationInfo };

/** `POST /api/scan`'s answer: the decision and, on admit, the badge job it queued. */
export type ScanResult = ScanAnswer & { print?: PrintJob };

/** What `/api/events` pushes. */
export type AgentEvent =
  | { type: 'scan'; scan: ScanResult }
  | { type: 'status'; status: AgentStatus }
  | { type: 'print'; print: PrintJob };

/** Why a badge is printed: the automatic one on admit, or a reprint a staff member asked for. */
export type PrintKind = 'admit' | 'reprint';

/** Where a job is; `printed` means the printer (or CUPS) accepted the bytes. */
export type PrintJobState = 'queued' | 'printing' | 'printed' | 'failed';

/** What goes on a badge. `token` is the scanned ticket text, printed verbatim as the QR. */
export interface BadgeData {
  ticketId: string;
  name: string;
  token: string;
}

/** One badge to print, as the UI and the print log see it. */
export interface PrintJob {
  jobId: string;
  kind: PrintKind;
  ticketId: string;
  name: string;
  /** Required for reprints: every reprint says why. */
  reason?: string;
  state: PrintJobState;
  attempts: number;
  /** The last failure, in the printer's words. */
  error?: string;
  /** CUPS job id when printed through a CUPS queue. */
  printerJobId?: string;
  createdAt: string;
  updatedAt: string;
}

/** Codes of printing errors; the UI keys its messages on them. */
export type PrintingErrorCode = 'printing_off' | 'badge_data_unknown' | 'reason_required';

export class PrintingError extends Error {
  override readonly name = 'PrintingError';
  constructor(
    readonly code: PrintingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

import { sortScans } from './passages.js';
import type { CheckinResult, EntryRule, ScanDirection } from './types.js';

/** A scan of one ticket on one list as the server stored it, possibly uploaded late. */
export interface RecordedScan {
  scanId: string;
  deviceId: string;
  /** When the device scanned, on its clock corrected by its known offset to the server. */
  scannedAt: Date;
  direction: ScanDirection;
  /** What the device (or the server, online) answered; only `admitted` scans let someone through. */
  result: CheckinResult;
  /** Server receive order; kept for display, never used to choose (see resolveAdmissions). */
  receivedSeq?: number;
  gate?: string;
}

/** An admission that should not have happened: an offline device let a used ticket in. */
export interface DuplicateAdmission {
  scan: RecordedScan;
  /** The canonical admission it repeats (the entry that started the stay it falls into). */
  duplicateOf: string;
}

/** The canonical reading of a ticket's scans on one list. */
export interface AdmissionResolution {
  /** The first admission, or null when nothing admitted the ticket. */
  canonical: RecordedScan | null;
  /** Every admission that counts: one for `single`, one per stay for re-entry, all for `multi`. */
  admissions: RecordedScan[];
  /** Admissions that the entry rule forbids, each pointing at the admission it repeats. */
  duplicates: DuplicateAdmission[];
  /** Whether the ticket is inside after all counted movements. */
  inside: boolean;
}

/**
 * Picks the canonical admissions of one ticket on one list and flags the duplicates an offline
 * device let in. Deterministic: scans are replayed by scannedAt, ties by scanId, so the answer is
 * the same whatever order the uploads arrived in (receive order deliberately plays no part), and
 * rerunning it after every sync is safe. Scans the devices refused are ignored.
 */
export function resolveAdmissions(
  scans: readonly RecordedScan[],
  entryRule: EntryRule,
): AdmissionResolution {
  const admissions: RecordedScan[] = [];
  const duplicates: DuplicateAdmission[] = [];
  let inside = false;
  let stay: RecordedScan | undefined;

  for (const scan of sortScans(scans)) {
    if (scan.result !== 'admitted') continue;
    if (scan.direction === 'exit') {
      inside = false;
      continue;
    }
    const repeats =
      entryRule === 'single'
        ? admissions[0]
        : entryRule === 'reentry_after_exit' && inside
          ? stay
          : undefined;
    if (repeats) {
      duplicates.push({ scan, duplicateOf: repeats.scanId });
      inside = true;
      continue;
    }
    admissions.push(scan);
    stay = scan;
    inside = true;
  }
  return { canonical: admissions[0] ?? null, admissions, duplicates, inside };
}

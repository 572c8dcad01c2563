// Check-in's answers as the dashboard reads them (see docs/api.md, check-in).

export type EntryRule = 'single' | 'reentry_after_exit' | 'multi';

export type { CheckinStats } from '../../features/checkin/schema.js';

export interface FlagScan {
  scanId: string;
  deviceId: string | null;
  gate: string | null;
  scannedAt: string;
  receivedAt: string;
}

export interface CheckinFlag {
  ticketId: string;
  listId: string;
  listName: string;
  attendee: { name: string } | null;
  scan: FlagScan;
  duplicateOf: FlagScan;
  flaggedAt: string;
}

export interface CheckinList {
  id: string;
  name: string;
  /** null: every ticket type. */
  ticketTypeIds: string[] | null;
  window: { from: string | null; until: string | null };
  entryRule: EntryRule;
  gates: string[];
  /** The implicit list of an event without lists: it cannot be changed. */
  isDefault: boolean;
}

export const ENTRY_RULES: { value: EntryRule; label: string; hint: string }[] = [
  { value: 'single', label: 'Single entry', hint: 'A ticket gets in once.' },
  {
    value: 'reentry_after_exit',
    label: 'Re-entry after exit',
    hint: 'A ticket gets in again only after an exit scan let it out.',
  },
  { value: 'multi', label: 'Multi-entry', hint: 'A ticket gets in every time it is scanned.' },
];

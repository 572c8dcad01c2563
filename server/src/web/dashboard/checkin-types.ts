// Check-in's answers as the dashboard reads them: the server's response schemas (types only).
import type { z } from 'zod';
import type {
  CheckinFlag,
  CheckinFlagList as CheckinFlagListSchema,
  CheckinListBody,
  CheckinListCollection as CheckinListCollectionSchema,
} from '../../features/checkin/schema.js';

export type {
  CheckinFlag,
  CheckinListBody as CheckinList,
  CheckinStats,
} from '../../features/checkin/schema.js';
export type CheckinFlagList = z.output<typeof CheckinFlagListSchema>;
export type FlagScan = CheckinFlag['scan'];
export type CheckinListCollection = z.output<typeof CheckinListCollectionSchema>;
export type EntryRule = CheckinListBody['entryRule'];

export const ENTRY_RULES: { value: EntryRule; label: string; hint: string }[] = [
  { value: 'single', label: 'Single entry', hint: 'A ticket gets in once.' },
  {
    value: 'reentry_after_exit',
    label: 'Re-entry after exit',
    hint: 'A ticket gets in again only after an exit scan let it out.',
  },
  { value: 'multi', label: 'Multi-entry', hint: 'A ticket gets in every time it is scanned.' },
];

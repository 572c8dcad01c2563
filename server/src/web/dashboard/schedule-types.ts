// The scheduling API's answers as the dashboard reads them, imported as types only.
import type { z } from 'zod';
import type { Checklist } from '../../features/scheduling/checklist.js';
import type { Conflict, Severities } from '../../features/scheduling/conflicts.js';
import type { Program } from '../../features/scheduling/program.js';
import type { ReleaseSummaryOut } from '../../features/scheduling/schema.js';

export type { Room, Session, Slot, Speaker } from '../../features/scheduling/program.js';

/** The draft with its conflicts and checklist, and the severities they were judged by. */
export interface ScheduleDraft extends Program {
  conflicts: Conflict[];
  checklist: Checklist;
  severities: Severities;
}

export type ReleaseSummary = z.output<typeof ReleaseSummaryOut>;

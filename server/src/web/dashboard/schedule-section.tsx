import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { ScheduleBoard } from './schedule-board.js';
import { ScheduleConflicts } from './schedule-conflicts.js';
import { ScheduleRelease } from './schedule-release.js';
import { ScheduleRooms } from './schedule-rooms.js';
import { ScheduleSpeakers } from './schedule-speakers.js';
import type { ScheduleDraft } from './schedule-types.js';
import type { SectionProps } from './sections.js';
import type { Severities } from '../../features/scheduling/conflicts.js';

/**
 * The programme: the grid of the draft (rooms × time per day) with the sessions still to place,
 * its conflicts, the checklist and releases, then the rooms and speakers. Every change reloads the draft, so conflicts
 * and checklist are always the server's.
 */
export function ScheduleSection({ event, base }: SectionProps) {
  const path = `${base}/schedule`;
  const [draft, reload] = useLoad(async () => {
    // One after the other keeps the two answers about the same draft in the common case.
    const d = await api<Omit<ScheduleDraft, 'severities'>>(`${path}/draft`);
    const c = await api<{ severities: Severities }>(`${path}/conflicts`);
    return { ...d, severities: c.severities };
  }, [path]);
  if (draft.state === 'loading') return <Loading what="schedule" />;
  if (draft.state === 'error') return <LoadError error={draft.error} what="schedule" />;
  // `settings`: the forms look and confirm as the Settings section's do.
  return (
    <div className="settings">
      <ScheduleBoard event={event} path={path} draft={draft.data} onChanged={reload} />
      <ScheduleConflicts path={path} draft={draft.data} onChanged={reload} />
      <ScheduleRelease path={path} draft={draft.data} onReleased={reload} />
      <ScheduleRooms path={path} timezone={event.timezone} onChanged={reload} />
      <ScheduleSpeakers path={path} timezone={event.timezone} onChanged={reload} />
    </div>
  );
}

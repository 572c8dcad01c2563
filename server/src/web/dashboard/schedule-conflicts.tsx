import { conflictLabel } from './schedule-grid.js';
import { ScheduleSeverities } from './schedule-severities.js';
import type { ScheduleDraft } from './schedule-types.js';

/**
 * The draft's conflicts as the server judged them, blocking ones first, and how much each kind
 * counts.
 */
export function ScheduleConflicts(p: {
  path: string;
  draft: ScheduleDraft;
  onChanged: () => void;
}) {
  const { draft } = p;
  const sessions = new Map(draft.sessions.map((s) => [s.id, s.title]));
  return (
    <section aria-labelledby="schedule-conflicts" className="panel">
      <h2 id="schedule-conflicts">Conflicts ({draft.conflicts.length})</h2>
      {draft.conflicts.length === 0 ? (
        <p>No conflicts.</p>
      ) : (
        <ul className="schedule-conflict-list">
          {draft.conflicts.map((c, i) => (
            <li key={i}>
              <span className={`schedule-conflict conflict-${c.severity}`}>{conflictLabel(c)}</span>{' '}
              {c.message}
              {c.sessionIds.length ? (
                <span className="hint">
                  {' '}
                  ({c.sessionIds.map((id) => sessions.get(id)).join(', ')})
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ScheduleSeverities path={p.path} draft={draft} onSaved={p.onChanged} />
    </section>
  );
}

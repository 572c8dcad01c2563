import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import type { ReleaseSummary, ScheduleDraft } from './schedule-types.js';
import type { CheckName } from '../../features/scheduling/checklist.js';

const CHECKS: Record<CheckName, string> = {
  unscheduled: 'Sessions not on the grid',
  unconfirmed: 'Sessions on the grid not confirmed',
  no_room: 'Sessions without a room',
  blocking_conflicts: 'Blocking conflicts',
};

const COUNTS: Record<string, string> = {
  new: 'new',
  cancelled: 'cancelled',
  moved: 'moved',
  renamed: 'renamed',
  speakersChanged: 'speakers changed',
};

/**
 * What must be zero before a release, the release with its comment, and the releases so far.
 * Blocking conflicts always refuse; the rest of the checklist can be overridden.
 */
export function ScheduleRelease(p: { path: string; draft: ScheduleDraft; onReleased: () => void }) {
  const [releases, reloadReleases] = useLoad(
    () => api<ReleaseSummary[]>(`${p.path}/releases`),
    [p.path],
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const { checklist } = p.draft;
  const blocking = checklist.items.find((i) => i.check === 'blocking_conflicts')?.count ?? 0;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setOutcome(null);
    api<ReleaseSummary>(`${p.path}/releases`, {
      body: {
        comment: String(data.get('comment') ?? ''),
        allowIncomplete: data.get('allowIncomplete') === 'on',
      },
    }).then(
      (r) => {
        form.reset();
        setBusy(false);
        setOutcome({ tone: 'success', text: `Released version ${r.version}.` });
        reloadReleases();
        p.onReleased();
      },
      (err: unknown) => {
        setBusy(false);
        setOutcome({
          tone: 'error',
          text: err instanceof ApiError ? err.problem.detail : String(err),
        });
      },
    );
  };
  return (
    <section aria-labelledby="schedule-release" className="panel">
      <h2 id="schedule-release">Release</h2>
      <h3>Before releasing</h3>
      <ul className="schedule-checklist">
        {checklist.items.map((i) => (
          <li key={i.check} className={i.count ? 'check-open' : 'check-done'}>
            <span aria-hidden="true">{i.count ? '✗' : '✓'}</span> {CHECKS[i.check]}: {i.count}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="schedule-release-form">
        <div className="field">
          <label htmlFor="release-comment">
            What changed <span className="req">(required)</span>
          </label>
          <p className="hint" id="release-comment-hint">
            Attendees and speakers read this with the changes.
          </p>
          <textarea
            id="release-comment"
            name="comment"
            required
            rows={2}
            maxLength={2000}
            aria-describedby="release-comment-hint"
          />
        </div>
        {checklist.ready ? null : (
          <label className="field-check">
            <input type="checkbox" name="allowIncomplete" /> Release even though the checklist is
            not clear (blocking conflicts still refuse)
          </label>
        )}
        {blocking > 0 ? (
          <p className="hint">Solve the blocking conflicts first: a release refuses them.</p>
        ) : null}
        {outcome ? <Notice tone={outcome.tone}>{outcome.text}</Notice> : null}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || blocking > 0}>
            {busy ? 'Releasing…' : 'Release'}
          </button>
        </div>
      </form>
      <h3>Releases</h3>
      {releases.state === 'loading' ? <Loading what="releases" /> : null}
      {releases.state === 'error' ? <LoadError error={releases.error} what="release list" /> : null}
      {releases.state === 'ok' && releases.data.length === 0 ? <p>Not released yet.</p> : null}
      {releases.state === 'ok' && releases.data.length ? (
        <ol className="schedule-releases" reversed>
          {[...releases.data].reverse().map((r) => (
            <li key={r.version}>
              <strong>Version {r.version}</strong> · {formatInstant(r.releasedAt, p.draft.timezone)}{' '}
              · {r.comment}
              <span className="hint">
                {' '}
                (
                {Object.entries(r.counts)
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => `${n} ${COUNTS[k] ?? k}`)
                  .join(', ') || 'no changes'}
                )
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

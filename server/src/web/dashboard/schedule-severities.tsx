import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { Notice } from '../components/notice.js';
import { CONFLICT_KINDS, type Severity } from '../../features/scheduling/conflicts.js';
import { api } from './api.js';
import { kindLabel } from './schedule-grid.js';
import type { ScheduleDraft } from './schedule-types.js';

const CHOICES: [Severity, string][] = [
  ['block', 'Blocks release'],
  ['warn', 'Warning'],
  ['ignore', 'Ignored'],
];

/** How much each kind of conflict counts: it blocks a release, warns, or is not shown. */
export function ScheduleSeverities(p: { path: string; draft: ScheduleDraft; onSaved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const body = Object.fromEntries(CONFLICT_KINDS.map((k) => [k, String(data.get(k))]));
    setBusy(true);
    setOutcome(null);
    api(`${p.path}/severities`, { method: 'PATCH', body }).then(
      () => {
        setBusy(false);
        setOutcome({ tone: 'success', text: 'Saved.' });
        p.onSaved();
      },
      (err: unknown) => {
        setBusy(false);
        setOutcome({ tone: 'error', text: err instanceof ApiError ? err.message : String(err) });
      },
    );
  };
  return (
    <details className="schedule-severities">
      <summary>How each kind of conflict counts</summary>
      <form onSubmit={submit}>
        {CONFLICT_KINDS.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`severity-${k}`}>{kindLabel(k)}</label>
            <select id={`severity-${k}`} name={k} defaultValue={p.draft.severities[k]}>
              {CHOICES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {outcome ? <Notice tone={outcome.tone}>{outcome.text}</Notice> : null}
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? 'Saving…' : 'Save severities'}
        </button>
      </form>
    </details>
  );
}

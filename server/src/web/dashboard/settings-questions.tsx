import { useState } from 'react';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { ApiError } from '../api.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { SettingsItem } from './settings-item.js';
import { QuestionForm } from './settings-question-form.js';
import { moveQuestion } from './settings-question-order.js';
import type { Question } from './settings-types.js';

const KIND_TEXT = { text: 'text', choice: 'one of a list', checkbox: 'checkbox' };

/** The questions asked at registration, in the order attendees see them. */
export function QuestionSettings(p: { base: string; types: { id: string; name: string }[] }) {
  const [questions, reload] = useLoad(() => api<Question[]>(`${p.base}/questions`), [p.base]);
  const [moveError, setMoveError] = useState<string>();
  const move = async (list: Question[], id: string, step: -1 | 1) => {
    setMoveError(undefined);
    try {
      for (const change of moveQuestion(list, id, step))
        await api(`${p.base}/questions/${change.id}`, {
          method: 'PATCH',
          body: { position: change.position },
        });
    } catch (err) {
      setMoveError(err instanceof ApiError ? err.problem.detail : String(err));
    }
    reload();
  };
  const facts = (q: Question) =>
    [
      KIND_TEXT[q.kind],
      q.required ? 'required' : 'optional',
      q.kind === 'choice' ? q.options.join(' / ') : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <section aria-labelledby="settings-questions" className="panel">
      <h2 id="settings-questions">Questions</h2>
      <p className="hint">Asked of each attendee at registration, in this order.</p>
      {questions.state === 'loading' ? <Loading what="questions" /> : null}
      {questions.state === 'error' ? (
        <LoadError error={questions.error} what="question list" />
      ) : null}
      {moveError ? <Notice tone="error">{moveError}</Notice> : null}
      {questions.state === 'ok' && questions.data.length === 0 ? <p>No questions yet.</p> : null}
      {questions.state === 'ok' ? (
        <ol className="settings-list">
          {questions.data.map((q, i, list) => (
            <SettingsItem
              key={q.id}
              title={q.label}
              facts={facts(q)}
              consequence="It is no longer asked; answers already given stay on their orders."
              archive={() => api(`${p.base}/questions/${q.id}/archive`, { method: 'POST' })}
              onChanged={reload}
              edit={(saved) => (
                <QuestionForm
                  key={q.updatedAt}
                  base={p.base}
                  types={p.types}
                  question={q}
                  onSaved={saved}
                />
              )}
              extra={
                <>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={`Move ${q.label} up`}
                    disabled={i === 0}
                    onClick={() => void move(list, q.id, -1)}
                  >
                    Up
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={`Move ${q.label} down`}
                    disabled={i === list.length - 1}
                    onClick={() => void move(list, q.id, 1)}
                  >
                    Down
                  </button>
                </>
              }
            />
          ))}
        </ol>
      ) : null}
      <QuestionForm base={p.base} types={p.types} onSaved={reload} />
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import type { Ticket } from './attendee-types.js';
import type { Question } from './settings-types.js';

const shown = (v: string | boolean | undefined) =>
  v === undefined || v === '' ? '—' : v === true ? 'Yes' : v === false ? 'No' : v;

/**
 * The registration answers under their questions' labels; the organizer corrects them here (the
 * server checks them as registration does and keeps the change in the ticket's history).
 */
export function AttendeeAnswers(p: { ticket: Ticket; onChanged: () => void }) {
  const [questions] = useLoad(
    () =>
      api<Question[]>(`/api/v1/events/${encodeURIComponent(p.ticket.eventId)}/questions`).then(
        (qs) =>
          qs.filter((q) => !q.ticketTypeIds || q.ticketTypeIds.includes(p.ticket.ticketTypeId)),
      ),
    [p.ticket.eventId, p.ticket.ticketTypeId],
  );
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = (qs: Question[]) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const answers: Record<string, string | boolean> = {};
    for (const q of qs) {
      if (q.kind === 'checkbox') answers[q.id] = form.has(q.id);
      else if (String(form.get(q.id) ?? '').trim()) answers[q.id] = String(form.get(q.id));
    }
    setBusy(true);
    setProblem(null);
    try {
      await api(`/api/v1/tickets/${encodeURIComponent(p.ticket.id)}/answers`, {
        method: 'PUT',
        body: { answers },
      });
      setEditing(false);
      p.onChanged();
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.problem.detail ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="answers-heading" className="panel">
      <h2 id="answers-heading">Answers</h2>
      {questions.state === 'loading' ? <Loading what="questions" /> : null}
      {questions.state === 'error' ? <LoadError error={questions.error} what="questions" /> : null}
      {questions.state === 'ok' && questions.data.length === 0 ? (
        <p>No questions are asked for this ticket type.</p>
      ) : null}
      {questions.state === 'ok' && questions.data.length > 0 && !editing ? (
        <>
          <dl className="ticket-facts">
            {questions.data.map((q) => (
              <div key={q.id}>
                <dt>{q.label}</dt>
                <dd>{shown(p.ticket.answers[q.id])}</dd>
              </div>
            ))}
          </dl>
          <div className="actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit answers
            </button>
          </div>
        </>
      ) : null}
      {questions.state === 'ok' && editing ? (
        <form aria-label="Edit answers" onSubmit={(e) => void save(questions.data)(e)}>
          {problem ? <Notice tone="error">{problem}</Notice> : null}
          {questions.data.map((q) => (
            <AnswerField key={q.id} question={q} value={p.ticket.answers[q.id]} />
          ))}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save answers
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function AnswerField({ question: q, value }: { question: Question; value?: string | boolean }) {
  const id = `answer-${q.id}`;
  const label = `${q.label}${q.required ? ' (required)' : ''}`;
  if (q.kind === 'checkbox')
    return (
      <div className="field field-check">
        <input id={id} type="checkbox" name={q.id} defaultChecked={value === true} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {q.kind === 'choice' ? (
        <select id={id} name={q.id} defaultValue={typeof value === 'string' ? value : ''}>
          <option value="">—</option>
          {q.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} name={q.id} defaultValue={typeof value === 'string' ? value : ''} />
      )}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../features/ticketing/schema.js';
import { ApiError, call } from '../api.js';
import { TextField } from './field.js';
import { Notice } from './notice.js';

/**
 * Who uses this ticket: its holder names the attendee (a colleague's seat of a group order) or
 * corrects a typo; the name goes on the badge and to the kiosk, and the QR stays the same.
 */
export function AttendeeForm(p: {
  ticket: Ticket;
  accessKey: string | null;
  onSaved: (t: Ticket) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(p.ticket.attendee.name);
  const [email, setEmail] = useState(p.ticket.attendee.email);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const res = await call<Ticket>(
        `/api/v1/tickets/${encodeURIComponent(p.ticket.id)}/attendee`,
        { method: 'PUT', body: { name, email }, accessKey: p.accessKey },
      );
      setErrors({});
      setOutcome({ tone: 'success', text: t('attendee.saved', { name: res.body.attendee.name }) });
      p.onSaved(res.body);
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      setErrors(Object.fromEntries((problem?.errors ?? []).map((i) => [i.field, i.message])));
      setOutcome({ tone: 'error', text: problem?.detail ?? t('attendee.saveFailed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="attendee-form panel" noValidate onSubmit={(e) => void save(e)}>
      <h2>{t('attendee.heading')}</h2>
      {outcome ? <Notice tone={outcome.tone}>{outcome.text}</Notice> : null}
      <TextField
        field="name"
        label={t('attendee.name')}
        hint={t('attendee.nameHint')}
        required
        maxLength={200}
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        field="email"
        label={t('attendee.email')}
        type="email"
        required
        maxLength={254}
        value={email}
        error={errors.email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy} aria-busy={busy}>
        {busy ? t('attendee.saving') : t('attendee.save')}
      </button>
    </form>
  );
}

import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/field.js';
import { api } from './api.js';
import { ActionButtons, useActionForm } from './attendee-action-form.js';
import type { Ticket } from './attendee-types.js';

const LABELS = { reason: 'Reason' };

/**
 * The open form of revoke or reissue: what will happen, a reason, and the button that does it.
 * Opening the form ("Revoke…") and confirming in it are two separate steps, so a stray click
 * changes nothing.
 */
export function TokenActionForm(p: {
  ticketPath: string;
  action: 'revoke' | 'reissue';
  title: string;
  warning: string;
  confirm: string;
  reasonRequired: boolean;
  onDone: (ticket: Ticket) => void;
  onCancel: () => void;
}) {
  const { errors, busy, heading, onSubmit } = useActionForm(LABELS);
  const send = async (form: FormData) => {
    const reason = String(form.get('reason') ?? '').trim();
    // An empty reason is sent when one is required, so the server names the field.
    const body = reason || p.reasonRequired ? { reason } : {};
    p.onDone(await api<Ticket>(`${p.ticketPath}/${p.action}`, { body }));
  };
  return (
    <form
      className="attendee-action-form"
      onSubmit={onSubmit(send)}
      noValidate
      aria-labelledby={`${p.action}-heading`}
    >
      <h3 id={`${p.action}-heading`} tabIndex={-1} ref={heading}>
        {p.title}
      </h3>
      <p>{p.warning}</p>
      <ErrorSummary items={errors.items} round={errors.round} />
      <TextField
        field="reason"
        label={LABELS.reason}
        hint="Kept in the ticket's history"
        name="reason"
        maxLength={500}
        required={p.reasonRequired}
        error={errors.of('reason')}
      />
      <ActionButtons busy={busy} label={p.confirm} danger onCancel={p.onCancel} />
    </form>
  );
}

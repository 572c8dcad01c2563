import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/field.js';
import { api } from './api.js';
import { ActionButtons, useActionForm } from './attendee-action-form.js';
import type { TransferResult } from './attendee-types.js';

const LABELS = { 'attendee.name': 'Name', 'attendee.email': 'Email' };

/** Hands the ticket to another person; the answer carries the new holder's only access key. */
export function TransferForm(p: {
  ticketPath: string;
  onDone: (ticket: TransferResult) => void;
  onCancel: () => void;
}) {
  const { errors, busy, heading, onSubmit } = useActionForm(LABELS);
  const send = async (form: FormData) => {
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body = { attendee: { name: text('name'), email: text('email') } };
    p.onDone(await api<TransferResult>(`${p.ticketPath}/transfer`, { body }));
  };
  return (
    <form
      className="attendee-action-form"
      onSubmit={onSubmit(send)}
      noValidate
      aria-labelledby="transfer-heading"
    >
      <h3 id="transfer-heading" tabIndex={-1} ref={heading}>
        Transfer to another person
      </h3>
      <p>
        The ticket gets a new QR code and a new link for its new holder. The current QR code and
        link stop working.
      </p>
      <ErrorSummary items={errors.items} round={errors.round} />
      <TextField
        field="attendee.name"
        label={LABELS['attendee.name']}
        name="name"
        autoComplete="off"
        required
        error={errors.of('attendee.name')}
      />
      <TextField
        field="attendee.email"
        label={LABELS['attendee.email']}
        name="email"
        type="email"
        autoComplete="off"
        required
        error={errors.of('attendee.email')}
      />
      <ActionButtons busy={busy} label="Transfer ticket" onCancel={p.onCancel} />
    </form>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useFormErrors } from './form-errors.js';

/**
 * What the attendee's action forms share: the heading takes focus when the form opens, a submit
 * sends once at a time, and a refusal lands at the fields named in `labels`.
 */
export function useActionForm(labels: Record<string, string>) {
  const errors = useFormErrors(labels);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const onSubmit = (send: (form: FormData) => Promise<void>) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    errors.clear();
    // On success the form closes; only a refusal needs the button back.
    send(form).catch((err: unknown) => {
      errors.show(err);
      setBusy(false);
    });
  };
  return { errors, busy, heading, onSubmit };
}

/** The form's own button and the way out of it. */
export function ActionButtons(p: {
  busy: boolean;
  label: string;
  danger?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <button
        type="submit"
        className={`button ${p.danger ? 'button-danger' : 'button-primary'}`}
        disabled={p.busy}
      >
        {p.busy ? 'Working…' : p.label}
      </button>
      <button type="button" className="button button-secondary" onClick={p.onCancel}>
        Cancel
      </button>
    </div>
  );
}

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api.js';

/**
 * A yes/no question in place of a row's buttons, before something that cannot be undone (revoking
 * a device, deleting a check-in list). "No" takes focus, so a stray Enter changes nothing.
 */
export function ConfirmAction({
  id,
  question,
  yes,
  busyText,
  no,
  onYes,
  onNo,
}: {
  id: string;
  question: ReactNode;
  yes: string;
  busyText: string;
  no: string;
  onYes: () => Promise<void>;
  onNo: () => void;
}) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const noButton = useRef<HTMLButtonElement>(null);
  useEffect(() => noButton.current?.focus(), []);
  const confirm = async () => {
    setBusy(true);
    try {
      await onYes();
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail : String(err));
      setBusy(false);
    }
  };
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? busyText : yes}
        </button>
        <button type="button" className="button button-secondary" ref={noButton} onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { agent, AgentRequestError } from '../agent-client.js';
import { strings } from '../strings.js';

/** The staff PIN entry; on success hands the session to the caller. */
export function PinDialog({
  onUnlock,
  onCancel,
}: {
  onUnlock(session: string): void;
  onCancel(): void;
}) {
  const s = strings.staff;
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main className="screen pin" aria-labelledby="pin-heading">
      <h1 id="pin-heading">{s.pinHeading}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          agent
            .unlockStaff(pin)
            .then(({ session }) => onUnlock(session))
            .catch((err: unknown) => {
              setPin('');
              if (err instanceof AgentRequestError && err.code === 'staff_locked') {
                setError(s.locked(err.retryAfterSeconds ?? 60));
              } else if (err instanceof AgentRequestError && err.code === 'staff_locked_out') {
                setError(s.lockedOut);
              } else setError(s.wrongPin);
            })
            .finally(() => setBusy(false));
        }}
      >
        <label htmlFor="pin">{s.pinLabel}</label>
        <input
          id="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={pin}
          maxLength={12}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          aria-invalid={error !== null}
          aria-describedby={error ? 'pin-error' : undefined}
        />
        {error && (
          <p id="pin-error" className="error" role="alert">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="submit" disabled={busy || pin.length < 4}>
            {s.pinSubmit}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {s.pinCancel}
          </button>
        </div>
      </form>
    </main>
  );
}

import { useState, type FormEvent } from 'react';

/** First start: the code from the dashboard, typed or brought in by its QR code's link. */
export function EnrollScreen(props: {
  initialCode: string;
  error: string | undefined;
  onEnroll(code: string): Promise<void>;
}) {
  const [code, setCode] = useState(props.initialCode);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await props.onEnroll(code);
    setBusy(false);
  };
  return (
    <main className="page enroll">
      <h1>Lanyard check-in</h1>
      <p>
        Scan the QR code on the dashboard’s <strong>Devices</strong> page with this phone’s camera,
        or type its enrollment code here.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="code">Enrollment code</label>
        <input
          id="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder="7KQ2M-9XD4R-ZB8HT-0W3VC"
          required
        />
        {props.error && (
          <p className="error" role="alert">
            {props.error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Enrolling…' : 'Enroll this phone'}
        </button>
      </form>
    </main>
  );
}

import { useCallback, useState } from 'react';
import { ApiError } from '../api.js';
import { Notice } from '../components/notice.js';

/**
 * Archiving in two steps: "Archive" asks, naming what happens, and only "Yes, archive" does it.
 * The question takes focus, so keyboard and screen reader users hear it at once.
 */
export function ArchiveButton(p: {
  what: string;
  consequence: string;
  archive: () => Promise<unknown>;
  onArchived: () => void;
}) {
  const [step, setStep] = useState<'idle' | 'asking' | 'busy'>('idle');
  const [error, setError] = useState<string>();
  // Focused when the question appears, not again on each render.
  const focusOnMount = useCallback((el: HTMLDivElement | null) => el?.focus(), []);
  if (step === 'idle')
    return (
      <button type="button" className="button button-secondary" onClick={() => setStep('asking')}>
        Archive<span className="visually-hidden"> {p.what}</span>
      </button>
    );
  const confirm = async () => {
    setStep('busy');
    setError(undefined);
    try {
      await p.archive();
      p.onArchived();
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail : String(err));
      setStep('asking');
    }
  };
  return (
    <div
      className="confirm"
      role="group"
      aria-label={`Archive ${p.what}?`}
      tabIndex={-1}
      ref={focusOnMount}
    >
      <p>
        <strong>Archive {p.what}?</strong> {p.consequence}
      </p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={step === 'busy'}
          onClick={() => void confirm()}
        >
          {step === 'busy' ? 'Archiving…' : `Yes, archive`}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setStep('idle')}>
          Keep it
        </button>
      </div>
    </div>
  );
}

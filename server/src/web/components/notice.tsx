import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';

/** Loading: a polite live region, so it is read once and not repeated. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="notice" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Notice({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'error' | 'success';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A failed load, said in words an attendee can act on. */
export function LoadError({ error, what }: { error: ApiError; what: string }) {
  const text =
    error.status === 404
      ? `This ${what} was not found. Check that the link is complete.`
      : error.status === 401
        ? `This ${what} link is missing its key. Open the full link you were given.`
        : error.problem.detail;
  return <Notice tone="error">{text}</Notice>;
}

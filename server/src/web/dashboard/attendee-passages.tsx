import { useState } from 'react';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import type { Loaded } from '../use-load.js';
import { api } from './api.js';

export interface Passage {
  scanId: string;
  listName: string | null;
  direction: 'entry' | 'exit';
  result: 'admitted' | 'already_checked_in' | 'revoked' | 'invalid';
  reason: string;
  gate: string | null;
  manual: boolean;
  scannedAt: string;
  annulment: { actor: string; reason: string | null; annulledAt: string } | null;
}

const RESULTS: Record<Passage['result'], string> = {
  admitted: 'Let in',
  already_checked_in: 'Refused: already inside',
  revoked: 'Refused: revoked',
  invalid: 'Refused',
};

/** True while the ticket's last counted passage on some list is an entry. */
export function isInside(passages: readonly Passage[]): boolean {
  const counted = passages.filter((p) => p.result === 'admitted' && !p.annulment);
  return counted.length > 0 && counted[0]!.direction === 'entry';
}

function describe(p: Passage): string {
  if (p.result === 'admitted') return p.direction === 'entry' ? 'Let in' : 'Went out';
  return RESULTS[p.result];
}

/**
 * Every scan of the ticket, newest first, with the corrections door staff need: check the person
 * in by hand (they lost their QR code), and annul a wrong admission so the ticket may enter again.
 */
export function AttendeePassages({
  eventId,
  ticketId,
  valid,
  timezone,
  passages,
  onChanged,
}: {
  eventId: string;
  ticketId: string;
  valid: boolean;
  timezone: string;
  passages: Loaded<Passage[]>;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await what());
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const checkInByHand = () =>
    act(async () => {
      const answer = await api<{ result: Passage['result'] }>(
        `/api/v1/events/${encodeURIComponent(eventId)}/checkins`,
        { body: { ticketId, gate: 'Dashboard' } },
      );
      return answer.result === 'admitted'
        ? 'Checked in by hand.'
        : `Not let in: ${RESULTS[answer.result].replace('Refused: ', '')}.`;
    });
  const annul = (scanId: string) =>
    act(async () => {
      await api(
        `/api/v1/events/${encodeURIComponent(eventId)}/scans/${encodeURIComponent(scanId)}/annul`,
        { body: {} },
      );
      return 'Check-in annulled: the ticket may enter again.';
    });

  return (
    <section aria-labelledby="passages-heading" className="panel">
      <div className="panel-head">
        <h2 id="passages-heading">Check-in</h2>
        {valid ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void checkInByHand()}
          >
            Check in by hand
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {done ? <Notice tone="success">{done}</Notice> : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
      </div>
      {passages.state === 'loading' ? <Loading what="passages" /> : null}
      {passages.state === 'error' ? <LoadError error={passages.error} what="passages" /> : null}
      {passages.state === 'ok' && passages.data.length === 0 ? <p>Not scanned yet.</p> : null}
      {passages.state === 'ok' && passages.data.length > 0 ? (
        <ol className="attendee-passages">
          {passages.data.map((p) => (
            <li key={p.scanId} className={p.annulment ? 'passage-annulled' : undefined}>
              <p>
                <strong>{describe(p)}</strong>
                {p.manual ? ' (checked in by hand)' : ''}
                {p.gate ? ` at ${p.gate}` : ''}
                {p.listName ? `, ${p.listName}` : ''} —{' '}
                <time dateTime={p.scannedAt}>{formatInstant(p.scannedAt, timezone)}</time>
              </p>
              {p.annulment ? (
                <p>
                  Annulled{' '}
                  <time dateTime={p.annulment.annulledAt}>
                    {formatInstant(p.annulment.annulledAt, timezone)}
                  </time>
                  {p.annulment.reason ? `: ${p.annulment.reason}` : ''}
                </p>
              ) : null}
              {p.result === 'admitted' && !p.annulment ? (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => void annul(p.scanId)}
                >
                  Annul this check-in
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

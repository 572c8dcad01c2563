import { useCallback, useEffect, useState } from 'react';
import type { ScanAnswer } from '../lib/answer.js';
import { readTicket } from '../lib/cache.js';
import type { AttendeeMatch } from '../lib/search.js';
import type { Station } from '../lib/station.js';
import { AnswerCard } from './answer-card.js';
import { clockTime } from './status-bar.js';

interface Found extends AttendeeMatch {
  /** When the ticket last got in on this phone's list, if it is inside now. */
  insideSince: number | undefined;
}

/**
 * Finds attendees in the phone's cache by name or ticket id, forgiving typos (devices get no
 * emails: see docs/security.md#roles); someone
 * without their QR code is checked in from here, by the same rule as a scan, online or not.
 */
export function SearchTab({ station }: { station: Station }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found[] | undefined>();
  const [answer, setAnswer] = useState<{ answer: ScanAnswer; startedAt: number } | undefined>();
  // Bumped after a check-in by hand, so the results show who is inside now.
  const [round, setRound] = useState(0);
  const close = useCallback(() => setAnswer(undefined), []);
  const checkIn = async (ticketId: string) => {
    const startedAt = performance.now();
    const a = await station.checkInByHand(ticketId);
    setAnswer({ answer: a, startedAt });
    setRound((r) => r + 1);
  };

  useEffect(() => {
    if (!query.trim()) return setFound(undefined);
    let current = true;
    const timer = setTimeout(async () => {
      const matches = await station.attendees.search(query);
      const listId = station.list()?.id;
      const withStatus = await Promise.all(
        matches.map(async (m) => {
          if (!listId) return { ...m, insideSince: undefined };
          const { scans } = await readTicket(station.db, m.ticket.id, listId);
          const passages = scans
            .filter((s) => s.result === 'admitted')
            .sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime());
          const last = passages.at(-1);
          return {
            ...m,
            insideSince: last?.direction === 'entry' ? last.scannedAt.getTime() : undefined,
          };
        }),
      );
      if (current) setFound(withStatus);
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, station, round]);

  const types = station.event()?.ticketTypes ?? {};
  return (
    <section className="search-tab" aria-label="Search">
      <input
        type="search"
        aria-label="Name or ticket id"
        placeholder="Name or ticket id"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {found && found.length === 0 && <p className="hint">Nobody found on this phone.</p>}
      <ul className="results" data-testid="search-results">
        {found?.map(({ ticket, insideSince }) => (
          <li key={ticket.id}>
            <div>
              <p className="result-name">{ticket.n}</p>
              <p className="hint">
                {[ticket.e, types[ticket.y] ?? 'Ticket', ticket.id.slice(0, 8)]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
            <div className="result-side">
              <span
                className={`badge ${ticket.s ? 'red' : insideSince !== undefined ? 'amber' : 'green'}`}
              >
                {ticket.s
                  ? 'Revoked'
                  : insideSince !== undefined
                    ? `In since ${clockTime(insideSince)}`
                    : 'Not in yet'}
              </span>
              {!ticket.s && insideSince === undefined && (
                <button
                  type="button"
                  className="check-in-by-hand"
                  aria-label={`Check in ${ticket.n}`}
                  onClick={() => void checkIn(ticket.id)}
                >
                  Check in
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {answer && <AnswerCard answer={answer.answer} startedAt={answer.startedAt} onClose={close} />}
    </section>
  );
}

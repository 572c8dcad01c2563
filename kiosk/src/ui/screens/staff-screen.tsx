import { useEffect, useState } from 'react';
import { agent, AgentRequestError } from '../agent-client.js';
import type { AttendeeMatch, PrintJob, ScanResult } from '../agent-types.js';
import { answerWords } from '../answer-words.js';
import { strings } from '../strings.js';

interface Props {
  session: string;
  /** The latest scan by a scanner while staff mode is open, shown as a check-in result. */
  scan: ScanResult | null;
  /** Moves whenever a print job changes state. */
  printChanges: number;
  printing: boolean;
  onClose(): void;
  onSessionEnd(): void;
}

/** Staff mode: find an attendee, check in by code, reprint a badge with a reason. */
export function StaffScreen(props: Props) {
  const { session, scan, printing, printChanges, onClose, onSessionEnd } = props;
  const s = strings.staff;
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<AttendeeMatch[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [lastCheckin, setLastCheckin] = useState<ScanResult | null>(null);
  const [prints, setPrints] = useState<PrintJob[]>([]);

  const failed = (err: unknown) => {
    if (err instanceof AgentRequestError && err.code === 'staff_session_required') onSessionEnd();
    else if (err instanceof AgentRequestError && err.code === 'badge_data_unknown')
      setMessage(s.reprintUnknown);
    else if (err instanceof AgentRequestError && err.code === 'printing_off')
      setMessage(s.reprintNoPrinter);
    else setMessage(err instanceof Error ? err.message : String(err));
  };

  useEffect(() => {
    if (scan) setLastCheckin(scan);
  }, [scan]);

  // Takes back the last admission shown here (a wrong person scanned); the server decides.
  const undo = () => {
    const last = lastCheckin;
    if (last?.result !== 'admitted') return setMessage(s.undoNothing);
    agent.annul(session, last.scanId).then(
      () => {
        setMessage(s.undoDone(last.attendee?.name ?? last.ticketId ?? ''));
        setLastCheckin(null);
      },
      (err: unknown) => {
        if (err instanceof AgentRequestError && err.code === 'server_unreachable')
          setMessage(s.undoOffline);
        else if (err instanceof AgentRequestError && err.code === 'annul_window_passed')
          setMessage(s.undoTooLate);
        else failed(err);
      },
    );
  };

  const loadPrints = () => {
    if (printing) agent.prints(session).then((r) => setPrints(r.prints), failed);
  };
  useEffect(loadPrints, [session, printing, printChanges]);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return setMatches(null);
    const timer = setTimeout(() => {
      agent.searchAttendees(session, q).then((r) => setMatches(r.attendees), failed);
    }, 150);
    return () => clearTimeout(timer);
  }, [session, query]);

  return (
    <main className="screen staff" aria-labelledby="staff-heading">
      <header className="staff-header">
        <h1 id="staff-heading">{s.heading}</h1>
        <button type="button" className="secondary" onClick={onClose}>
          {s.close}
        </button>
      </header>
      {message && (
        <p className="message" role="status">
          {message}
        </p>
      )}
      <div className="staff-columns">
        <section aria-labelledby="search-heading">
          <h2 id="search-heading">{s.searchLabel}</h2>
          <input
            type="search"
            aria-label={s.searchLabel}
            placeholder={s.searchPlaceholder}
            value={query}
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
          {matches && matches.length === 0 && <p>{s.noMatches}</p>}
          <ul className="matches">
            {matches?.map((m) => (
              <AttendeeRow
                key={m.ticketId}
                match={m}
                printing={printing}
                onReprint={(reason) =>
                  agent.reprint(session, m.ticketId, reason).then(() => {
                    setMessage(s.reprintQueued(m.name));
                    loadPrints();
                  }, failed)
                }
              />
            ))}
          </ul>
        </section>
        <section aria-labelledby="manual-heading">
          <h2 id="manual-heading">{s.manualHeading}</h2>
          <ManualCheckin
            onResult={(r) => {
              setLastCheckin(r);
              loadPrints();
            }}
            onError={failed}
          />
          {lastCheckin && (
            <p className={`checkin-result ${answerWords(lastCheckin).tone}`} role="status">
              {answerWords(lastCheckin).title} — {answerWords(lastCheckin).detail}
            </p>
          )}
          <button type="button" className="secondary" onClick={undo}>
            {s.undo}
          </button>
          {printing && (
            <>
              <h2>{s.recentPrints}</h2>
              <ul className="prints">
                {prints.slice(0, 8).map((p) => (
                  <li key={p.jobId}>
                    {p.name} · {s.printKind[p.kind]}
                    {p.reason ? ` (${p.reason})` : ''} · {s.printState[p.state]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </main>
  );
}

function AttendeeRow(props: {
  match: AttendeeMatch;
  printing: boolean;
  onReprint(reason: string): Promise<void>;
}) {
  const s = strings.staff;
  const { match } = props;
  const [reprinting, setReprinting] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <li className={match.status === 'revoked' ? 'revoked' : ''}>
      <span className="who">
        <strong>{match.name}</strong> {match.email}
        {match.status === 'revoked' && <em> ({s.revoked})</em>}
      </span>
      {props.printing && !reprinting && (
        <button
          type="button"
          aria-label={s.reprintFor(match.name)}
          onClick={() => setReprinting(true)}
        >
          {s.reprint}
        </button>
      )}
      {reprinting && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void props.onReprint(reason).then(() => setReprinting(false));
          }}
        >
          <label>
            {s.reasonLabel}
            <input
              value={reason}
              autoFocus
              maxLength={200}
              placeholder={s.reasonPlaceholder}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" disabled={reason.trim() === ''}>
            {s.reprintSubmit}
          </button>
        </form>
      )}
    </li>
  );
}

function ManualCheckin(props: { onResult(r: ScanResult): void; onError(e: unknown): void }) {
  const s = strings.staff;
  const [code, setCode] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        agent.scan(code.trim()).then((r) => {
          setCode('');
          props.onResult(r);
        }, props.onError);
      }}
    >
      <label htmlFor="manual-code">{s.manualLabel}</label>
      <input
        id="manual-code"
        autoComplete="off"
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <button type="submit" disabled={code.trim() === ''}>
        {s.manualSubmit}
      </button>
    </form>
  );
}

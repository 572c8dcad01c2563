import { LoadError, Loading } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import type { TicketHistory } from './attendee-types.js';

const ACTIONS: Record<string, string> = {
  issued: 'Issued',
  revoked: 'Revoked',
  reissued: 'Reissued with a new QR code',
  transferred: 'Transferred',
  cancelled: 'Cancelled',
  imported: 'Imported',
  attendee_changed: 'Attendee named',
  answers_changed: 'Answers corrected',
};

const ACTORS: Record<string, string> = {
  attendee: 'the attendee',
  system: 'Lanyard',
  'lanyard-dashboard': 'an organizer (dashboard)',
  'lanyard-cli': 'an organizer (CLI)',
};

// The signing key's id says nothing to an organizer and the order is shown below; other details
// are shown as they are.
const DETAILS: Record<string, string | null> = {
  reason: 'Reason',
  from: 'From',
  to: 'To',
  previousStatus: 'Status before',
  previousRevision: 'Revision before',
  revision: 'Revision',
  status: 'Status',
  kid: null,
  orderId: null,
};

function detailText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const person = value as { name?: unknown; email?: unknown } | null;
  if (typeof person?.name === 'string' && typeof person.email === 'string')
    return `${person.name} (${person.email})`;
  return JSON.stringify(value);
}

const ORDER = Object.keys(DETAILS);
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

/** The details worth showing, in the order above (PostgreSQL's jsonb keeps its own key order). */
const shownDetails = (details: Record<string, unknown>) =>
  Object.entries(details)
    .filter(([k]) => DETAILS[k] !== null)
    .sort(([a], [b]) => rank(a) - rank(b));

/** Every change of the ticket, oldest first; `version` changes after each action here. */
export function AttendeeHistory({
  ticketPath,
  timezone,
  version,
}: {
  ticketPath: string;
  timezone: string;
  version: number;
}) {
  const [history] = useLoad(
    () => api<TicketHistory>(`${ticketPath}/history`),
    [ticketPath, version],
  );
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">History</h2>
      {history.state === 'loading' ? <Loading what="history" /> : null}
      {history.state === 'error' ? <LoadError error={history.error} what="history" /> : null}
      {history.state === 'ok' ? (
        <ol className="attendee-history">
          {history.data.entries.map((e, i) => (
            <li key={i}>
              <p>
                <strong>{ACTIONS[e.action] ?? e.action}</strong> by {ACTORS[e.actor] ?? e.actor}
                <br />
                <time dateTime={e.at}>{formatInstant(e.at, timezone)}</time>
              </p>
              {shownDetails(e.details).length > 0 ? (
                <dl>
                  {shownDetails(e.details).map(([k, v]) => (
                    <div key={k}>
                      <dt>{DETAILS[k] ?? k}</dt>
                      <dd>{detailText(v)}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

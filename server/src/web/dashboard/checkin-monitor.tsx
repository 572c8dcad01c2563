import { Notice } from '../components/notice.js';
import { api } from './api.js';
import { useCalmText, usePolled, type PollState } from './checkin-poll.js';
import type { CheckinStats } from './checkin-types.js';

// Polled rather than streamed: one small read every 2 s per open monitor is cheap, and it goes
// through api(), which renews the organizer's token; a stream would add a route and a server-side
// poll per connection for the same freshness (see docs/dashboard.md, Check-in).
const EVERY_MS = 2000;
// A screen reader hears the count at most this often, however fast the doors are.
const ANNOUNCE_GAP_MS = 30_000;

const STATE_TEXT: Record<PollState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  lost: 'Connection lost, retrying…',
  not_found: 'Event not found',
};

const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${Math.floor((part / whole) * 100)}%`;

/** Admitted of expected, for the event, each check-in list and each gate, updated every 2 s. */
export function CheckinMonitor({ base }: { base: string }) {
  const { data: stats, state } = usePolled(
    () => api<CheckinStats>(`${base}/checkin-stats`, { cache: 'no-store' }),
    base,
    EVERY_MS,
  );
  const summary =
    state === 'lost'
      ? 'Check-in figures: connection lost, retrying.'
      : stats
        ? `${stats.admitted} of ${stats.total} tickets admitted.`
        : '';
  const announced = useCalmText(summary, ANNOUNCE_GAP_MS);
  return (
    <section aria-labelledby="checkin-progress" className="panel">
      <div className="panel-head">
        <h2 id="checkin-progress">Admitted so far</h2>
        <span className={`live live-${state === 'lost' ? 'reconnecting' : state}`}>
          {STATE_TEXT[state]}
        </span>
      </div>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
      {state === 'not_found' ? <Notice tone="error">This event was not found.</Notice> : null}
      {stats ? <Figures stats={stats} /> : null}
    </section>
  );
}

function Figures({ stats }: { stats: CheckinStats }) {
  return (
    <>
      <dl className="figures">
        <div>
          <dt>Admitted</dt>
          <dd data-figure="admitted">{stats.admitted}</dd>
        </div>
        <div>
          <dt>Inside now</dt>
          <dd data-figure="inside">{stats.inside}</dd>
        </div>
        <div>
          <dt>Expected</dt>
          <dd data-figure="expected">{stats.total}</dd>
        </div>
        <div>
          <dt>Not in yet</dt>
          <dd data-figure="remaining">{Math.max(0, stats.total - stats.admitted)}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd data-figure="progress">{percent(stats.admitted, stats.total)}</dd>
        </div>
      </dl>
      <progress
        className="checkin-progress"
        value={stats.admitted}
        max={Math.max(stats.total, 1)}
        aria-label="Tickets admitted of expected"
      />
      <h3 id="checkin-by-list">By check-in list</h3>
      <div className="table-scroll" role="region" aria-labelledby="checkin-by-list" tabIndex={0}>
        <table className="sales-table">
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Admitted</th>
              <th scope="col">Inside now</th>
              <th scope="col">Expected</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {stats.lists.map((l) => (
              <tr key={l.listId}>
                <th scope="row">{l.name}</th>
                <td>{l.admitted}</td>
                <td>{l.inside}</td>
                <td>{l.total}</td>
                <td>{percent(l.admitted, l.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="checkin-by-gate">By gate</h3>
      {stats.gates.length ? (
        <div className="table-scroll" role="region" aria-labelledby="checkin-by-gate" tabIndex={0}>
          <table className="sales-table">
            <thead>
              <tr>
                <th scope="col">Gate</th>
                <th scope="col" className="text-cell">
                  List
                </th>
                <th scope="col">Admitted</th>
                <th scope="col">Exits</th>
              </tr>
            </thead>
            <tbody>
              {stats.gates.map((g) => (
                <tr key={`${g.listId} ${g.gate ?? ''}`}>
                  <th scope="row">{g.gate ?? 'No gate named'}</th>
                  <td className="text-cell">
                    {g.listName ??
                      (g.listId === stats.eventId ? 'Default (before lists)' : 'A deleted list')}
                  </td>
                  <td>{g.admitted}</td>
                  <td>{g.exits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No one has been admitted at any gate yet.</p>
      )}
      <p className="hint">
        Updated <time dateTime={stats.at}>{new Date(stats.at).toLocaleTimeString()}</time>. A ticket
        counts as admitted once it has entered; it is inside until an exit scan lets it out.
      </p>
    </>
  );
}

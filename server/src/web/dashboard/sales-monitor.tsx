import { Notice } from '../components/notice.js';
import { formatMoney } from '../lib/format.js';
import { SalesChart } from './sales-chart.js';
import { useSalesStream, type StreamState } from './sales-stream.js';

const STATE_TEXT: Record<StreamState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
  signed_out: 'Signed out',
  not_found: 'Event not found',
};

/** Sold, held and available seats per ticket type, the revenue and tickets sold over time,
 * updated as they change. */
export function SalesMonitor({ eventId }: { eventId: string }) {
  const { snapshot, state } = useSalesStream(eventId);
  const revenue = snapshot?.revenue.length
    ? snapshot.revenue.map((r) => formatMoney(r.cents, r.currency)).join(' + ')
    : formatMoney(0, 'EUR');
  return (
    <section aria-labelledby="sales" className="panel">
      <div className="panel-head">
        <h2 id="sales">Sales</h2>
        <span className={`live live-${state}`}>{STATE_TEXT[state]}</span>
      </div>
      {state === 'not_found' ? <Notice tone="error">This event was not found.</Notice> : null}
      {snapshot ? (
        <>
          {/* Read out when the totals change, not on every heartbeat. */}
          <dl className="figures" role="status" aria-live="polite">
            <div>
              <dt>Sold</dt>
              <dd data-figure="sold">{snapshot.totals.sold}</dd>
            </div>
            <div>
              <dt>Held</dt>
              <dd data-figure="held">{snapshot.totals.held}</dd>
            </div>
            <div>
              <dt>Available</dt>
              <dd data-figure="available">{snapshot.totals.available}</dd>
            </div>
            <div>
              <dt>Revenue</dt>
              <dd data-figure="revenue">{revenue}</dd>
            </div>
          </dl>
          <SalesChart timeline={snapshot.timeline} timeZone={snapshot.timeZone} />
          {snapshot.ticketTypes.length ? (
            <div className="table-scroll" role="region" aria-labelledby="sales" tabIndex={0}>
              <table className="sales-table">
                <caption className="visually-hidden">Sales by ticket type</caption>
                <thead>
                  <tr>
                    <th scope="col">Ticket type</th>
                    <th scope="col">Sold</th>
                    <th scope="col">Held</th>
                    <th scope="col">Available</th>
                    <th scope="col">Revenue</th>
                  </tr>
                </thead>
                <tbody>
                  {snapshot.ticketTypes.map((t) => (
                    <tr key={t.id}>
                      <th scope="row">{t.name}</th>
                      <td>{t.sold}</td>
                      <td>{t.held}</td>
                      <td>{t.available}</td>
                      <td>{formatMoney(t.revenueCents, t.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>No ticket types yet: nothing is on sale.</p>
          )}
        </>
      ) : null}
    </section>
  );
}

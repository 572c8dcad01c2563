import { LoadError, Loading } from '../components/notice.js';
import { formatInstant, formatMoney } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { Link } from './link.js';
import type { Order } from './attendee-types.js';
import { ORDER_STATUS, PAYMENT_METHOD } from './order-labels.js';
import { sectionPath } from './sections.js';

/** The order the ticket came from: its buyer, money and the other tickets bought with it. */
export function AttendeeOrder({
  eventId,
  orderId,
  ticketId,
  timezone,
  version,
}: {
  eventId: string;
  orderId: string;
  ticketId: string;
  timezone: string;
  version: number;
}) {
  const path = `/api/v1/orders/${encodeURIComponent(orderId)}`;
  const [order] = useLoad(() => api<Order>(path), [path, version]);
  const others = order.state === 'ok' ? order.data.tickets.filter((t) => t.id !== ticketId) : [];
  return (
    <section aria-labelledby="order-heading" className="panel">
      <h2 id="order-heading">Order</h2>
      {order.state === 'loading' ? <Loading what="order" /> : null}
      {order.state === 'error' ? <LoadError error={order.error} what="order" /> : null}
      {order.state === 'ok' ? (
        <>
          <dl className="ticket-facts">
            <div>
              <dt>Bought by</dt>
              <dd>
                {order.data.attendee.name} ({order.data.attendee.email})
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{ORDER_STATUS[order.data.status]}</dd>
            </div>
            <div>
              <dt>Tickets</dt>
              <dd>{order.data.quantity}</dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd>
                {formatMoney(order.data.totalCents, order.data.currency)} ·{' '}
                {PAYMENT_METHOD[order.data.paymentMethod]}
                {order.data.refundedCents > 0
                  ? ` · ${formatMoney(order.data.refundedCents, order.data.currency)} refunded`
                  : ''}
              </dd>
            </div>
            <div>
              <dt>Ordered</dt>
              <dd>{formatInstant(order.data.createdAt, timezone)}</dd>
            </div>
            <div>
              <dt>Order id</dt>
              <dd className="attendee-id">{order.data.id}</dd>
            </div>
          </dl>
          {others.length > 0 ? (
            <>
              <h3>Other tickets of this order</h3>
              <ul className="attendee-others">
                {others.map((t) => (
                  <li key={t.id}>
                    <Link to={sectionPath(eventId, 'attendees', t.id)}>
                      {t.attendee?.name ?? `Ticket ${t.id.slice(0, 8)}`}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

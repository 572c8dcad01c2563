import { useEffect, useState } from 'react';
import { LoadError, Loading } from '../components/notice.js';
import { formatInstant, formatMoney } from '../lib/format.js';
import { api } from './api.js';
import type { OrderPage, OrderSummary } from './attendee-types.js';
import { useDebounced } from './attendees-use-search.js';
import { Link } from './link.js';
import { ORDER_STATUS } from './order-labels.js';
import { sectionPath } from './sections.js';
import type { OrganizerEvent } from './types.js';

const PAGE = 50;
const DEBOUNCE_MS = 250;

type Listing =
  | { state: 'loading' }
  | { state: 'error'; error: Parameters<typeof LoadError>[0]['error'] }
  | { state: 'ok'; items: OrderPage['items']; next: string | null; busy: boolean };

/**
 * The event's orders, newest first: a status filter (awaiting payment first, the organizer's
 * daily list) and a search by name, email, payment reference or order id, both kept in the URL.
 */
export function OrdersList({ event, base }: { event: OrganizerEvent; base: string }) {
  const [status, setStatus] = useState(() => inUrl('status') ?? 'pending_payment');
  const [text, setText] = useState(() => inUrl('q') ?? '');
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const [listing, setListing] = useState<Listing>({ state: 'loading' });

  const load = (cursor: string | null) => {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (status !== 'all') query.set('status', status);
    if (q) query.set('q', q);
    if (cursor) query.set('cursor', cursor);
    return api<OrderPage>(`${base}/orders?${query}`);
  };
  useEffect(() => {
    keepInUrl({ status, q });
    let live = true;
    setListing({ state: 'loading' });
    load(null).then(
      (p) => live && setListing({ state: 'ok', items: p.items, next: p.nextCursor, busy: false }),
      (error: unknown) => live && setListing({ state: 'error', error: error as never }),
    );
    return () => {
      live = false;
    };
  }, [base, status, q]);
  const more = () => {
    if (listing.state !== 'ok' || !listing.next) return;
    setListing({ ...listing, busy: true });
    load(listing.next).then(
      (p) =>
        setListing({
          state: 'ok',
          items: [...listing.items, ...p.items],
          next: p.nextCursor,
          busy: false,
        }),
      (error: unknown) => setListing({ state: 'error', error: error as never }),
    );
  };

  return (
    <section aria-labelledby="orders-heading" className="panel">
      <h2 id="orders-heading">Orders</h2>
      <form role="search" className="order-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="order-status">Status</label>
          <select id="order-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="all">All orders</option>
            {Object.entries(ORDER_STATUS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="order-q">Search orders</label>
          <p className="hint" id="order-q-hint">
            Buyer&apos;s name or email, payment reference (LY-…) or order id
          </p>
          <input
            id="order-q"
            type="search"
            value={text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="order-q-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      </form>
      <p role="status" aria-live="polite" className="result-count">
        {listing.state === 'ok' ? summary(listing.items.length, listing.next !== null) : ''}
      </p>
      {listing.state === 'loading' ? <Loading what="orders" /> : null}
      {listing.state === 'error' ? <LoadError error={listing.error} what="orders" /> : null}
      {listing.state === 'ok' ? (
        <>
          <ul className="attendee-list order-list">
            {listing.items.map((o) => (
              <OrderRow key={o.id} order={o} event={event} />
            ))}
          </ul>
          {listing.next ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={more}
              disabled={listing.busy}
            >
              {listing.busy ? 'Loading more…' : 'Show more'}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function OrderRow({ order: o, event }: { order: OrderSummary; event: OrganizerEvent }) {
  return (
    <li>
      <span className="attendee-name">
        <Link to={sectionPath(event.id, 'orders', o.id)}>{o.attendee.name}</Link>
      </span>
      <span className={`badge badge-order-${o.status}`}>{ORDER_STATUS[o.status]}</span>
      <span className="attendee-email">
        {o.reference} · {o.quantity} × {o.ticketTypeName} · {formatMoney(o.totalCents, o.currency)}{' '}
        · {o.attendee.email}
      </span>
      <span className="attendee-type">Ordered {formatInstant(o.createdAt, event.timezone)}</span>
    </li>
  );
}

const summary = (n: number, more: boolean) =>
  n === 0
    ? 'No orders match.'
    : `${n} ${n === 1 ? 'order' : 'orders'}${more ? ', more below' : ''}.`;

const inUrl = (name: string) => new URLSearchParams(window.location.search).get(name);

/** Replaces (never pushes) the URL, so filtering leaves one history entry. */
function keepInUrl(values: Record<string, string>) {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v) url.searchParams.set(k, v);
    else url.searchParams.delete(k);
  }
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
}

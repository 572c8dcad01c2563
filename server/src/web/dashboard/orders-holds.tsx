import { useEffect, useState } from 'react';
import { LoadError, Notice } from '../components/notice.js';
import type { ApiError } from '../api.js';
import { formatInstant } from '../lib/format.js';
import { api } from './api.js';
import type { OrganizerEvent } from './types.js';

interface HoldGroup {
  key: string;
  orders: number;
  seats: number;
  others: number;
  firstExpiresAt: string;
}
interface Holds {
  orders: number;
  seats: number;
  byAddress: HoldGroup[];
  byEmail: HoldGroup[];
}

type State =
  { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; holds: Holds };

/**
 * Seats held by unpaid orders, by the network address they came from (most first), so a hoarder
 * in a sale rush stands out; releasing an address cancels its unpaid orders after a confirmation.
 */
export function OrdersHolds({ event, base }: { event: OrganizerEvent; base: string }) {
  const [view, setView] = useState<State>({ state: 'loading' });
  const [asked, setAsked] = useState<HoldGroup>();
  const [done, setDone] = useState<string>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    api<Holds>(`${base}/holds`).then(
      (holds) => live && setView({ state: 'ok', holds }),
      (error: unknown) => live && setView({ state: 'error', error: error as ApiError }),
    );
    return () => {
      live = false;
    };
  }, [base, round]);

  const release = async (group: HoldGroup) => {
    setAsked(undefined);
    try {
      const r = await api<{ orders: number; seats: number }>(`${base}/holds/release`, {
        body: { clientIp: group.key },
      });
      setDone(`Released ${r.orders} unpaid orders (${r.seats} seats) of ${group.key}.`);
    } catch (err) {
      setDone(`Nothing was released: ${(err as ApiError).message}`);
    }
    setRound((n) => n + 1);
  };

  if (view.state === 'loading') return null;
  if (view.state === 'error') return <LoadError error={view.error} what="holds" />;
  const { holds } = view;
  return (
    <section aria-labelledby="holds-heading" className="panel">
      <h2 id="holds-heading">Unpaid holds by network</h2>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <p className="hint">
        {holds.orders} unpaid orders hold {holds.seats} seats. Addresses holding the most first.
      </p>
      {holds.byAddress.length ? (
        <table className="holds">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Orders</th>
              <th scope="col">Seats</th>
              <th scope="col">Emails</th>
              <th scope="col">First hold ends</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {holds.byAddress.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.key}</th>
                <td>{g.orders}</td>
                <td>{g.seats}</td>
                <td>{g.others}</td>
                <td>{formatInstant(g.firstExpiresAt, event.timezone)}</td>
                <td>
                  {asked?.key === g.key ? (
                    <span className="actions">
                      <button
                        type="button"
                        className="button button-danger"
                        onClick={() => void release(g)}
                      >
                        Release {g.orders} orders of {g.key}
                      </button>
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => setAsked(undefined)}
                      >
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={`Release holds of ${g.key}`}
                      onClick={() => {
                        setDone(undefined);
                        setAsked(g);
                      }}
                    >
                      Release…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

import { LoadError, Loading } from '../components/notice.js';
import { formatPrice } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { SalesMonitor } from './sales-monitor.js';
import type { SectionProps } from './sections.js';
import { TicketTypeForm } from './settings-ticket-type-form.js';
import type { TicketType } from './types.js';

/** The overview: the public page, the live sales monitor, the ticket types and a form to add one
 * (changing and archiving them is in Settings). */
export function EventOverview({ event, base }: SectionProps) {
  const [types, reloadTypes] = useLoad(() => api<TicketType[]>(`${base}/ticket-types`), [base]);
  return (
    <>
      <p>
        Public page: <a href={`/e/${event.id}`}>/e/{event.id}</a>
      </p>
      <SalesMonitor eventId={event.id} />
      <section aria-labelledby="ticket-types" className="panel">
        <h2 id="ticket-types">Ticket types</h2>
        {types.state === 'loading' ? <Loading what="ticket types" /> : null}
        {types.state === 'error' ? <LoadError error={types.error} what="ticket type list" /> : null}
        {types.state === 'ok' && types.data.length === 0 ? <p>No ticket types yet.</p> : null}
        {types.state === 'ok' && types.data.length > 0 ? (
          <ul className="type-list">
            {types.data.map((t) => (
              <li key={t.id}>
                <strong>{t.name}</strong>
                <span>
                  {formatPrice(t.priceCents, t.currency)} · {t.quantity} seats
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <TicketTypeForm base={base} timezone={event.timezone} onSaved={reloadTypes} />
      </section>
    </>
  );
}

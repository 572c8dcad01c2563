import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/field.js';
import { LoadError, Loading } from '../components/notice.js';
import { formatPrice } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { useFormErrors } from './form-errors.js';
import { SalesMonitor } from './sales-monitor.js';
import type { SectionProps } from './sections.js';
import type { TicketType } from './types.js';

const LABELS = { name: 'Name', priceCents: 'Price', currency: 'Currency', quantity: 'Quantity' };

/** The overview: the public page, the live sales monitor and the ticket types. */
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
        <CreateTicketTypeForm base={base} onCreated={reloadTypes} />
      </section>
    </>
  );
}

/** "12.50" → 1250; undefined when it is not an amount, so the server names the field. */
function toCents(text: string): number | undefined {
  if (!/^\d+([.,]\d{1,2})?$/.test(text)) return undefined;
  return Math.round(Number(text.replace(',', '.')) * 100);
}

function CreateTicketTypeForm({ base, onCreated }: { base: string; onCreated: () => void }) {
  const errors = useFormErrors(LABELS);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    errors.clear();
    try {
      await api(`${base}/ticket-types`, {
        body: {
          name: text('name'),
          priceCents: toCents(text('price')) ?? text('price'),
          currency: text('currency').toUpperCase(),
          quantity: text('quantity') === '' ? '' : Number(text('quantity')),
        },
      });
      formElement.reset();
      onCreated();
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-type">
      <h3 id="add-type">Add a ticket type</h3>
      <ErrorSummary items={errors.items} round={errors.round} />
      <TextField field="name" label={LABELS.name} name="name" required error={errors.of('name')} />
      <div className="field-pair">
        <TextField
          field="priceCents"
          label={LABELS.priceCents}
          hint="0 for free"
          name="price"
          inputMode="decimal"
          required
          defaultValue="0"
          error={errors.of('priceCents')}
        />
        <TextField
          field="currency"
          label={LABELS.currency}
          name="currency"
          required
          defaultValue="EUR"
          maxLength={3}
          error={errors.of('currency')}
        />
      </div>
      <TextField
        field="quantity"
        label={LABELS.quantity}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        required
        error={errors.of('quantity')}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add ticket type'}
      </button>
    </form>
  );
}

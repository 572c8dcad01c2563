import type { PublicTicketType } from '../../features/portal/schema.js';
import { availabilityText, formatInstant, formatPrice } from '../lib/format.js';
import { errorId, FieldError, fieldDomId } from './field.js';

interface Props {
  types: PublicTicketType[];
  timeZone: string;
  chosen: string;
  error: string | undefined;
  onChoose: (id: string) => void;
}

function stateText(t: PublicTicketType, timeZone: string): string {
  switch (t.saleState) {
    case 'on_sale':
      return availabilityText(t.available);
    case 'sold_out':
      return 'Sold out · waitlist open';
    case 'not_started':
      return t.salesStart
        ? `On sale from ${formatInstant(t.salesStart, timeZone)}`
        : 'Not on sale yet';
    case 'ended':
      return 'Sales ended';
  }
}

/** The ticket types as a radio group; a sold-out type stays choosable, for its waitlist. */
export function TicketChoice({ types, timeZone, chosen, error, onChoose }: Props) {
  const id = fieldDomId('ticketTypeId');
  return (
    <fieldset
      className={`ticket-choice${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? errorId(id) : undefined}
    >
      <legend>Choose a ticket</legend>
      {types.map((t, i) => {
        const closed = t.saleState === 'not_started' || t.saleState === 'ended';
        return (
          <label
            key={t.id}
            className={`ticket-option${chosen === t.id ? ' chosen' : ''}${closed ? ' closed' : ''}`}
          >
            <input
              type="radio"
              name="ticketTypeId"
              // The first option carries the id the error summary links to.
              id={i === 0 ? id : undefined}
              value={t.id}
              checked={chosen === t.id}
              disabled={closed}
              onChange={() => onChoose(t.id)}
            />
            <span className="ticket-option-body">
              <span className="ticket-option-name">{t.name}</span>
              <span className="ticket-option-price">{formatPrice(t.priceCents, t.currency)}</span>
              {t.description ? <span className="ticket-option-desc">{t.description}</span> : null}
              <span className={`badge badge-${t.saleState}`}>{stateText(t, timeZone)}</span>
            </span>
          </label>
        );
      })}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

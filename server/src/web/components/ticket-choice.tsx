import type { PublicTicketType } from '../../features/portal/schema.js';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../lib/format.js';
import { useFormatPrice, useLocale } from '../i18n/use-locale.js';
import { errorId, FieldError, fieldDomId } from './field.js';

interface Props {
  types: PublicTicketType[];
  timeZone: string;
  chosen: string;
  error: string | undefined;
  onChoose: (id: string) => void;
}

/** What the list says about seats: a count only when it helps to decide. */
const FEW = 20;

function useStateText(timeZone: string): (type: PublicTicketType) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (type) => {
    switch (type.saleState) {
      case 'on_sale':
        if (type.available <= 0) return t('choice.soldOut');
        return type.available <= FEW
          ? t('choice.left', { count: type.available })
          : t('choice.available');
      case 'sold_out':
        return t('choice.waitlistOpen');
      case 'not_started':
        return type.salesStart
          ? t('choice.onSaleFrom', {
              when: formatInstant(type.salesStart, timeZone, locale),
            })
          : t('choice.notYet');
      case 'ended':
        return t('choice.ended');
    }
  };
}

/** The ticket types as a radio group; a sold-out type stays choosable, for its waitlist. */
export function TicketChoice({ types, timeZone, chosen, error, onChoose }: Props) {
  const { t } = useTranslation();
  const stateText = useStateText(timeZone);
  const price = useFormatPrice();
  const id = fieldDomId('ticketTypeId');
  return (
    <fieldset
      className={`ticket-choice${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? errorId(id) : undefined}
    >
      <legend>{t('choice.legend')}</legend>
      {types.map((type, i) => {
        const closed = type.saleState === 'not_started' || type.saleState === 'ended';
        return (
          <label
            key={type.id}
            className={`ticket-option${chosen === type.id ? ' chosen' : ''}${closed ? ' closed' : ''}`}
          >
            <input
              type="radio"
              name="ticketTypeId"
              // The first option carries the id the error summary links to.
              id={i === 0 ? id : undefined}
              value={type.id}
              checked={chosen === type.id}
              disabled={closed}
              onChange={() => onChoose(type.id)}
            />
            <span className="ticket-option-body">
              <span className="ticket-option-name">{type.name}</span>
              <span className="ticket-option-price">{price(type.priceCents, type.currency)}</span>
              {type.description ? (
                <span className="ticket-option-desc">{type.description}</span>
              ) : null}
              <span className={`badge badge-${type.saleState}`}>{stateText(type)}</span>
            </span>
          </label>
        );
      })}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

import {
  FormArea,
  FormCheck,
  FormText,
  FormWindow,
  ItemForm,
  useSettingsForm,
} from './settings-form.js';
import { centsText, orNull, toCents, wholeNumber } from './settings-values.js';
import type { TicketType } from './types.js';

const LABELS = {
  name: 'Name',
  description: 'Description',
  priceCents: 'Price',
  currency: 'Currency',
  quantity: 'Quantity',
  maxPerOrder: 'Most per order',
  salesStart: 'Sales start',
  salesEnd: 'Sales end',
  hidden: 'Hidden: only sold with an access code that names it',
};

/** Refusals the server names by code alone, and the field each is about. */
const CONFLICTS = { duplicate_ticket_type_name: 'name', quantity_below_sold: 'quantity' };

/**
 * Adds a ticket type, or changes `type` when given. The sales window is read in the event's
 * time zone; empty means sales open now and last until the event ends.
 */
export function TicketTypeForm(p: {
  base: string;
  timezone: string;
  type?: TicketType;
  onSaved: () => void;
}) {
  const t = p.type;
  const form = useSettingsForm(t ? `type-${t.id}` : 'type-new', LABELS, CONFLICTS);
  return (
    <ItemForm
      form={form}
      list={`${p.base}/ticket-types`}
      item={t}
      noun="ticket type"
      body={(v) => {
        return {
          name: v.text('name'),
          description: orNull(v.text('description'), String),
          priceCents: toCents(v.text('priceCents')),
          currency: v.text('currency').toUpperCase(),
          quantity: wholeNumber(v.text('quantity')),
          maxPerOrder: wholeNumber(v.text('maxPerOrder')),
          salesStart: v.instant('salesStart', p.timezone),
          salesEnd: v.instant('salesEnd', p.timezone),
          hidden: v.checked('hidden'),
        };
      }}
      onSaved={p.onSaved}
    >
      <FormText form={form} name="name" required defaultValue={t?.name} />
      <FormArea form={form} name="description" defaultValue={t?.description ?? ''} />
      <div className="field-pair">
        <FormText
          form={form}
          name="priceCents"
          hint="0 for free"
          inputMode="decimal"
          required
          defaultValue={t ? centsText(t.priceCents) : '0'}
        />
        <FormText
          form={form}
          name="currency"
          hint="ISO code, e.g. EUR"
          required
          maxLength={3}
          defaultValue={t?.currency ?? 'EUR'}
        />
      </div>
      <div className="field-pair">
        <FormText
          form={form}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={0}
          required
          defaultValue={t ? String(t.quantity) : undefined}
        />
        <FormText
          form={form}
          name="maxPerOrder"
          inputMode="numeric"
          required
          defaultValue={String(t?.maxPerOrder ?? 10)}
        />
      </div>
      <FormWindow
        form={form}
        names={['salesStart', 'salesEnd']}
        timezone={p.timezone}
        values={[t?.salesStart, t?.salesEnd]}
        untilEmpty="until the event ends"
      />
      <FormCheck form={form} name="hidden" defaultChecked={t?.hidden} />
    </ItemForm>
  );
}

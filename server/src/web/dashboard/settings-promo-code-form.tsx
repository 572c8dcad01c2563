import { useState } from 'react';
import {
  FormSelect,
  FormText,
  FormWindow,
  ItemForm,
  TicketTypeChoices,
  useSettingsForm,
} from './settings-form.js';
import type { PromoCode } from './settings-types.js';
import { centsText, orNull, toCents, wholeNumber } from './settings-values.js';

const LABELS = {
  code: 'Code',
  discountKind: 'Discount kind',
  discountValue: 'Discount',
  maxUses: 'Uses allowed',
  validFrom: 'Valid from',
  validUntil: 'Valid until',
  ticketTypeIds: 'Valid for',
  reservedSeats: 'Reserved seats',
};

/** Refusals the server names by code alone, and the field each is about. */
const CONFLICTS = {
  duplicate_promo_code: 'code',
  max_uses_below_uses: 'maxUses',
  not_enough_seats: 'reservedSeats',
  reserve_below_used: 'reservedSeats',
  reserve_type_fixed: 'ticketTypeIds',
};

/** Creates a promo code, or changes `promo` when given; the window is in the event's zone. */
export function PromoCodeForm(p: {
  base: string;
  timezone: string;
  currency: string;
  types: { id: string; name: string }[];
  promo?: PromoCode;
  onSaved: () => void;
}) {
  const c = p.promo;
  const form = useSettingsForm(c ? `promo-${c.id}` : 'promo-new', LABELS, CONFLICTS);
  const [kind, setKind] = useState<'percent' | 'fixed' | 'none'>(
    c ? (c.discountKind ?? 'none') : 'percent',
  );
  const value =
    c?.discountValue == null
      ? undefined
      : c.discountKind === 'percent'
        ? String(c.discountValue)
        : centsText(c.discountValue);
  return (
    <ItemForm
      form={form}
      list={`${p.base}/promo-codes`}
      item={c && { id: c.id, name: c.code }}
      noun="promo code"
      body={(v) => {
        const types = v.all('ticketTypeIds');
        return {
          code: v.text('code'),
          discountKind: kind === 'none' ? null : kind,
          discountValue:
            kind === 'none'
              ? null
              : (kind === 'percent' ? wholeNumber : toCents)(v.text('discountValue')),
          reservedSeats: orNull(v.text('reservedSeats'), wholeNumber) ?? 0,
          maxUses: orNull(v.text('maxUses'), wholeNumber),
          validFrom: v.instant('validFrom', p.timezone),
          validUntil: v.instant('validUntil', p.timezone),
          ticketTypeIds: types.length ? types : null,
        };
      }}
      onSaved={p.onSaved}
      onEmptied={() => setKind('percent')}
    >
      <FormText
        form={form}
        name="code"
        required
        hint="3 to 32 letters, digits, _ or -; attendees may type it in any case."
        autoCapitalize="characters"
        defaultValue={c?.code}
      />
      <div className="field-pair">
        <FormSelect
          form={form}
          name="discountKind"
          hint="Off each ticket's price"
          options={[
            ['percent', 'Percent off'],
            ['fixed', `Amount off each ticket (${p.currency})`],
            ['none', 'No discount (unlocks hidden types, reserves seats)'],
          ]}
          value={kind}
          onChange={(k) => setKind(k as 'percent' | 'fixed' | 'none')}
        />
        {kind === 'none' ? null : (
          <FormText
            form={form}
            name="discountValue"
            required
            inputMode={kind === 'percent' ? 'numeric' : 'decimal'}
            hint={kind === 'percent' ? '1 to 100 (%)' : `In ${p.currency}, e.g. 5.00`}
            defaultValue={value}
          />
        )}
      </div>
      <FormText
        form={form}
        name="reservedSeats"
        inputMode="numeric"
        hint="Seats held for this code out of the public sale (one ticket type); empty for none."
        defaultValue={c?.reservedSeats ? String(c.reservedSeats) : ''}
      />
      <FormText
        form={form}
        name="maxUses"
        inputMode="numeric"
        hint="How many orders can use it; empty for no limit."
        defaultValue={c?.maxUses == null ? '' : String(c.maxUses)}
      />
      <FormWindow
        form={form}
        names={['validFrom', 'validUntil']}
        timezone={p.timezone}
        values={[c?.validFrom, c?.validUntil]}
        untilEmpty="no end"
      />
      {p.types.length ? (
        <TicketTypeChoices
          form={form}
          types={p.types}
          chosen={c?.ticketTypeIds ?? null}
          hint="None chosen: every ticket type."
        />
      ) : null}
    </ItemForm>
  );
}

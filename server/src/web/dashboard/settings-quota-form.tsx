import { FormText, ItemForm, TicketTypeChoices, useSettingsForm } from './settings-form.js';
import type { Quota } from './settings-types.js';
import { wholeNumber } from './settings-values.js';

const LABELS = { name: 'Name', size: 'Seats', ticketTypeIds: 'Ticket types sharing the seats' };

/** Refusals the server names by code alone, and the field each is about. */
const CONFLICTS = { duplicate_quota_name: 'name', size_below_used: 'size' };

/** Creates a quota, or changes `quota` when given. */
export function QuotaForm(p: {
  base: string;
  types: { id: string; name: string }[];
  quota?: Quota;
  onSaved: () => void;
}) {
  const q = p.quota;
  const form = useSettingsForm(q ? `quota-${q.id}` : 'quota-new', LABELS, CONFLICTS);
  return (
    <ItemForm
      form={form}
      list={`${p.base}/quotas`}
      item={q}
      noun="quota"
      body={(v) => ({
        name: v.text('name'),
        size: wholeNumber(v.text('size')),
        ticketTypeIds: v.all('ticketTypeIds'),
      })}
      onSaved={p.onSaved}
    >
      <FormText form={form} name="name" required defaultValue={q?.name} />
      <FormText
        form={form}
        name="size"
        inputMode="numeric"
        required
        hint="How many tickets of these types can be sold in all."
        defaultValue={q ? String(q.size) : undefined}
      />
      <TicketTypeChoices
        form={form}
        types={p.types}
        chosen={q?.ticketTypeIds ?? null}
        hint="Choose at least one."
      />
    </ItemForm>
  );
}

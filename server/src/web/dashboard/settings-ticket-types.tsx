import { formatPrice } from '../lib/format.js';
import { api } from './api.js';
import { SettingsItem } from './settings-item.js';
import { TicketTypeForm } from './settings-ticket-type-form.js';
import type { TicketType } from './types.js';

/** The event's ticket types: each one editable and archivable, and a form to add one. */
export function TicketTypeSettingsList(p: {
  base: string;
  timezone: string;
  types: TicketType[];
  onChanged: () => void;
}) {
  return (
    <section aria-labelledby="settings-types" className="panel">
      <h2 id="settings-types">Ticket types</h2>
      {p.types.length === 0 ? <p>No ticket types yet.</p> : null}
      <ul className="settings-list">
        {p.types.map((t) => (
          <SettingsItem
            key={t.id}
            title={t.name}
            facts={`${formatPrice(t.priceCents, t.currency)} · ${t.sold} sold, ${t.held} held of ${t.quantity}${t.hidden ? ' · hidden' : ''}`}
            consequence="It is no longer sold; tickets already sold stay valid."
            archive={() => api(`${p.base}/ticket-types/${t.id}/archive`, { method: 'POST' })}
            onChanged={p.onChanged}
            edit={(saved) => (
              <TicketTypeForm
                key={t.updatedAt}
                base={p.base}
                timezone={p.timezone}
                type={t}
                onSaved={saved}
              />
            )}
          />
        ))}
      </ul>
      <TicketTypeForm base={p.base} timezone={p.timezone} onSaved={p.onChanged} />
    </section>
  );
}

import { LoadError, Loading } from '../components/notice.js';
import { formatInstant, formatMoney } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { SettingsItem } from './settings-item.js';
import { PromoCodeForm } from './settings-promo-code-form.js';
import type { PromoCode } from './settings-types.js';

/** Promo codes with their uses; each editable and archivable, and a form for a new one. */
export function PromoCodeSettings(p: {
  base: string;
  timezone: string;
  currency: string;
  types: { id: string; name: string }[];
}) {
  const [codes, reload] = useLoad(() => api<PromoCode[]>(`${p.base}/promo-codes`), [p.base]);
  const facts = (c: PromoCode) =>
    [
      c.discountValue === null
        ? 'no discount'
        : c.discountKind === 'percent'
          ? `${c.discountValue}% off`
          : `${formatMoney(c.discountValue, p.currency)} off`,
      c.reservedSeats ? `${c.reserveLeft} of ${c.reservedSeats} reserved seats left` : '',
      `used ${c.uses}${c.maxUses === null ? '' : ` of ${c.maxUses}`}`,
      c.validFrom ? `from ${formatInstant(c.validFrom, p.timezone)}` : '',
      c.validUntil ? `until ${formatInstant(c.validUntil, p.timezone)}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  const props = { base: p.base, timezone: p.timezone, currency: p.currency, types: p.types };
  return (
    <section aria-labelledby="settings-promo-codes" className="panel">
      <h2 id="settings-promo-codes">Promo and access codes</h2>
      {codes.state === 'loading' ? <Loading what="promo codes" /> : null}
      {codes.state === 'error' ? <LoadError error={codes.error} what="promo code list" /> : null}
      {codes.state === 'ok' && codes.data.length === 0 ? <p>No promo codes yet.</p> : null}
      {codes.state === 'ok' ? (
        <ul className="settings-list">
          {codes.data.map((c) => (
            <SettingsItem
              key={c.id}
              title={c.code}
              facts={facts(c)}
              consequence="It is refused from now on; orders that used it keep their discount."
              archive={() => api(`${p.base}/promo-codes/${c.id}/archive`, { method: 'POST' })}
              onChanged={reload}
              edit={(saved) => (
                <PromoCodeForm key={c.updatedAt} {...props} promo={c} onSaved={saved} />
              )}
            />
          ))}
        </ul>
      ) : null}
      <PromoCodeForm {...props} onSaved={reload} />
    </section>
  );
}

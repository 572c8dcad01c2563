import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { SettingsItem } from './settings-item.js';
import { QuotaForm } from './settings-quota-form.js';
import type { Quota } from './settings-types.js';

/** Seats shared by several ticket types: each quota's use, its edit and archive, and a new one. */
export function QuotaSettings(p: { base: string; types: { id: string; name: string }[] }) {
  const [quotas, reload] = useLoad(() => api<Quota[]>(`${p.base}/quotas`), [p.base]);
  // In the event's order of ticket types; an archived type is no longer listed by name.
  const names = (ids: string[]) => {
    const known = p.types.filter((t) => ids.includes(t.id)).map((t) => t.name);
    const archived = ids.length - known.length;
    return [...known, ...(archived ? [`${archived} archived`] : [])].join(', ');
  };
  return (
    <section aria-labelledby="settings-quotas" className="panel">
      <h2 id="settings-quotas">Quotas</h2>
      <p className="hint">A quota caps the tickets sold across several ticket types together.</p>
      {quotas.state === 'loading' ? <Loading what="quotas" /> : null}
      {quotas.state === 'error' ? <LoadError error={quotas.error} what="quota list" /> : null}
      {quotas.state === 'ok' && quotas.data.length === 0 ? <p>No quotas yet.</p> : null}
      {quotas.state === 'ok' ? (
        <ul className="settings-list">
          {quotas.data.map((q) => (
            <SettingsItem
              key={q.id}
              title={q.name}
              facts={`${q.used} of ${q.size} used · ${names(q.ticketTypeIds)}`}
              consequence="Its ticket types are no longer limited by it."
              archive={() => api(`${p.base}/quotas/${q.id}/archive`, { method: 'POST' })}
              onChanged={reload}
              edit={(saved) => (
                <QuotaForm
                  key={q.updatedAt}
                  base={p.base}
                  types={p.types}
                  quota={q}
                  onSaved={saved}
                />
              )}
            />
          ))}
        </ul>
      ) : null}
      {p.types.length ? (
        <QuotaForm base={p.base} types={p.types} onSaved={reload} />
      ) : (
        <p>Add ticket types first; a quota is shared by some of them.</p>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { LoadError, Loading } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import type { ApiError } from '../api.js';
import { api } from './api.js';
import type { SectionProps } from './sections.js';

interface AuditEntry {
  seq: number;
  at: string;
  actor: { subject: string | null; clientId: string | null; deviceId: string | null };
  ip: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  payload: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
  redactedAt: string | null;
}
interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

const PAGE = 50;

/** Who changed what in this event, newest first, from the hash-chained audit log. */
export function AuditSection({ event, base }: SectionProps) {
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ok' | ApiError>('loading');
  const load = (after: string | null) => {
    setState('loading');
    api<AuditPage>(`${base}/audit?limit=${PAGE}${after ? `&cursor=${after}` : ''}`, {
      cache: 'no-store',
    }).then(
      (page) => {
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setState('ok');
      },
      (err: unknown) => setState(err as ApiError),
    );
  };
  useEffect(() => load(null), [base]);

  return (
    <section aria-labelledby="audit" className="panel">
      <h2 id="audit">Audit log</h2>
      <p className="hint">
        Every change staff, organizers, devices and integrations made to this event. Entries cannot
        be changed; <code>lanyard audit verify</code> checks that none was.
      </p>
      {items.length === 0 && state === 'ok' ? <p>No changes recorded yet.</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.seq}>
                  <td>{formatInstant(e.at, event.timezone)}</td>
                  <td>
                    {e.actor.deviceId ? `device ${e.actor.deviceId}` : (e.actor.subject ?? '—')}
                    {e.ip ? <small> from {e.ip}</small> : null}
                  </td>
                  <td>
                    {e.action}
                    {e.objectId ? <small> {e.objectId}</small> : null}
                  </td>
                  <td>{changes(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state === 'loading' ? <Loading what="audit log" /> : null}
      {typeof state === 'object' ? <LoadError error={state} what="audit log" /> : null}
      {cursor && state === 'ok' ? (
        <button type="button" className="secondary" onClick={() => load(cursor)}>
          Older entries
        </button>
      ) : null}
    </section>
  );
}

// Shown elsewhere in the row, or the same for every object.
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'eventId']);

function changes(e: AuditEntry): string {
  if (e.redactedAt) return '(erased)';
  const after = e.payload?.after ?? {};
  const before = e.payload?.before ?? {};
  const keys = (Object.keys(after).length ? Object.keys(after) : Object.keys(before)).filter(
    (k) => !HIDDEN.has(k),
  );
  return keys
    .slice(0, 4)
    .map((k) =>
      e.payload?.before && e.payload.after
        ? `${k}: ${show(before[k])} → ${show(after[k])}`
        : `${k}: ${show(after[k] ?? before[k])}`,
    )
    .join('; ');
}

const show = (v: unknown) => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text === undefined ? '—' : text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

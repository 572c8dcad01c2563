import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/field.js';
import { LoadError, Loading } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { formatInstant } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { useFormErrors } from './form-errors.js';
import type { DeliveryList, Webhook, WebhookList, WebhookWithSecret } from './webhook-types.js';

const LABELS = { url: 'URL', events: 'Event types', description: 'Description' };
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The organization's webhook endpoints: add one (its secret shown once), test, pause, deliveries. */
export function WebhooksPage() {
  const [hooks, reload] = useLoad(
    () => api<WebhookList>('/api/v1/webhooks', { cache: 'no-store' }),
    [],
  );
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  return (
    <>
      <PageHeading title="Webhooks">Webhooks</PageHeading>
      <p className="hint">
        Lanyard POSTs signed events (Standard Webhooks) to these URLs as orders, tickets and
        check-ins change. See docs/webhooks.md for verifying them.
      </p>
      {created ? (
        <section aria-labelledby="new-secret" className="panel" role="status">
          <h2 id="new-secret">Signing secret of {created.url}</h2>
          <p>Copy it now: it is not shown again. Receivers verify signatures with it.</p>
          <p>
            <code data-testid="webhook-secret">{created.secret}</code>
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setCreated(null)}
          >
            Done
          </button>
        </section>
      ) : null}
      <section aria-labelledby="endpoints" className="panel">
        <h2 id="endpoints">Endpoints</h2>
        {hooks.state === 'loading' ? <Loading what="webhooks" /> : null}
        {hooks.state === 'error' ? <LoadError error={hooks.error} what="webhook list" /> : null}
        {hooks.state === 'ok' && hooks.data.items.length === 0 ? <p>No webhooks yet.</p> : null}
        {hooks.state === 'ok' && hooks.data.items.length > 0 ? (
          <ul className="device-list">
            {hooks.data.items.map((w) => (
              <WebhookItem key={w.id} hook={w} onChanged={reload} />
            ))}
          </ul>
        ) : null}
        <AddWebhookForm
          onCreated={(w) => {
            setCreated(w);
            reload();
          }}
        />
      </section>
    </>
  );
}

function stateText(w: Webhook): string {
  if (w.enabled) return w.failingSince ? 'Enabled, failing' : 'Enabled';
  const why = {
    manual: 'by hand',
    gone: 'the receiver answered 410 Gone',
    failing: '5 days of failures',
  };
  return `Disabled (${why[w.disabledReason ?? 'manual']})`;
}

function WebhookItem({ hook, onChanged }: { hook: Webhook; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const act = async (
    what: string,
    path: string,
    body?: unknown,
    method: 'POST' | 'PATCH' = 'POST',
  ) => {
    try {
      await api(`/api/v1/webhooks/${hook.id}${path}`, { method, ...(body ? { body } : {}) });
      setNote(what);
      onChanged();
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <li className="device-item" data-testid="webhook">
      <div className="device-head">
        <strong className="device-name">{hook.url}</strong>
        <span className="device-status">{stateText(hook)}</span>
      </div>
      <p className="hint">
        {hook.events.join(', ')}
        {hook.eventId ? ' · one event' : ''}
        {hook.description ? ` · ${hook.description}` : ''}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void act('Test event queued.', '/test')}
        >
          Send test event
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            void act(
              hook.enabled ? 'Disabled.' : 'Enabled.',
              '',
              { enabled: !hook.enabled },
              'PATCH',
            )
          }
        >
          {hook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide deliveries' : 'Deliveries'}
        </button>
      </div>
      <p role="status" className="hint">
        {note}
      </p>
      {open ? <Deliveries hook={hook} onReplayed={setNote} /> : null}
    </li>
  );
}

function Deliveries({ hook, onReplayed }: { hook: Webhook; onReplayed: (note: string) => void }) {
  const [list, reload] = useLoad(
    () =>
      api<DeliveryList>(`/api/v1/webhooks/${hook.id}/deliveries?limit=50`, { cache: 'no-store' }),
    [hook.id],
  );
  if (list.state === 'loading') return <Loading what="deliveries" />;
  if (list.state === 'error') return <LoadError error={list.error} what="deliveries" />;
  if (list.data.items.length === 0) return <p>No deliveries yet.</p>;
  const replay = async (id: string) => {
    await api(`/api/v1/webhooks/${hook.id}/deliveries/${id}/replay`, { method: 'POST' });
    onReplayed(`Delivery ${id} queued again.`);
    reload();
  };
  return (
    <div className="table-scroll" role="region" aria-label="Latest deliveries" tabIndex={0}>
      <table className="sales-table">
        <caption>Latest deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Type</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((d) => (
            <tr key={d.id}>
              <td>{formatInstant(d.createdAt, zone)}</td>
              <td>{d.eventType}</td>
              <td>{d.state}</td>
              <td>{d.attempts}</td>
              <td>{d.lastStatus ?? d.lastError ?? '–'}</td>
              <td>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void replay(d.id)}
                >
                  Replay
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddWebhookForm({ onCreated }: { onCreated: (w: WebhookWithSecret) => void }) {
  const errors = useFormErrors(LABELS);
  const [busy, setBusy] = useState(false);
  // The catalog is the OpenAPI document's `webhooks` section, so the page never lists a stale type.
  const [types] = useLoad(
    () =>
      api<{ webhooks: Record<string, unknown> }>('/api/v1/openapi.json').then((d) =>
        Object.keys(d.webhooks).filter((t) => t !== 'webhook.test'),
      ),
    [],
  );
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const chosen = data.getAll('events').map(String);
    setBusy(true);
    errors.clear();
    try {
      const w = await api<WebhookWithSecret>('/api/v1/webhooks', {
        body: {
          url: String(data.get('url') ?? '').trim(),
          events: chosen.length ? chosen : ['*'],
          description: String(data.get('description') ?? '').trim(),
        },
      });
      form.reset();
      onCreated(w);
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-webhook">
      <h3 id="add-webhook">Add an endpoint</h3>
      <ErrorSummary items={errors.items} round={errors.round} />
      <TextField
        field="url"
        label={LABELS.url}
        hint="https://… where your receiver listens"
        name="url"
        type="url"
        required
        maxLength={2000}
        error={errors.of('url')}
      />
      <TextField
        field="description"
        label={LABELS.description}
        name="description"
        maxLength={500}
        error={errors.of('description')}
      />
      <fieldset>
        <legend>{LABELS.events} (none ticked: all)</legend>
        {types.state === 'ok'
          ? types.data.map((t) => (
              <div key={t} className="field field-check">
                <input id={`webhook-type-${t}`} type="checkbox" name="events" value={t} />
                <label htmlFor={`webhook-type-${t}`}>{t}</label>
              </div>
            ))
          : null}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add endpoint'}
      </button>
    </form>
  );
}

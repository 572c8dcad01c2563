import { useState } from 'react';
import type { Message } from '../../features/notifications/schema.js';
import { ApiError } from '../api.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';

/**
 * The event's messages given up after their last try (dead letters), each with the reason, and
 * "Try again" for each or all; a retry is a new message in the log, the dead one stays as it was.
 */
export function UndeliveredMessages({
  eventId,
  timeZone,
  version,
}: {
  eventId: string;
  timeZone: string;
  version: number;
}) {
  const [own, setOwn] = useState(0);
  const [done, setDone] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [dead] = useLoad(
    () =>
      api<{ items: Message[] }>(
        `/api/v1/messages?eventId=${encodeURIComponent(eventId)}&status=dead&limit=200`,
      ),
    [eventId, version, own],
  );
  const act = async (run: () => Promise<string>) => {
    try {
      setDone({ tone: 'success', text: await run() });
    } catch (err) {
      setDone({ tone: 'error', text: err instanceof ApiError ? err.problem.detail : String(err) });
    }
    setOwn((n) => n + 1);
  };
  const retryOne = (m: Message) =>
    act(async () => {
      await api(`/api/v1/messages/${m.id}/retry`, { body: {} });
      return `Queued again to ${m.recipient}.`;
    });
  const retryAll = () =>
    act(async () => {
      const r = await api<{ retried: number }>('/api/v1/messages/retry-dead', {
        body: { eventId },
      });
      return `${r.retried} ${r.retried === 1 ? 'message' : 'messages'} queued again.`;
    });
  const items = dead.state === 'ok' ? dead.data.items : [];
  return (
    <section className="panel" aria-labelledby="undelivered-heading">
      <h2 id="undelivered-heading">Not delivered</h2>
      {done ? <Notice tone={done.tone}>{done.text}</Notice> : null}
      {dead.state === 'loading' ? <Loading what="undelivered messages" /> : null}
      {dead.state === 'error' ? <LoadError error={dead.error} what="undelivered messages" /> : null}
      {dead.state === 'ok' && items.length === 0 ? (
        <p>Every message was delivered or is still being tried.</p>
      ) : null}
      {items.length ? (
        <>
          <button type="button" className="button" onClick={() => void retryAll()}>
            Try all {items.length} again
          </button>
          <ul className="attendee-messages">
            {items.map((m) => (
              <li key={m.id}>
                <p>
                  <strong>{m.subject ?? m.kind.replace(/_/g, ' ')}</strong> to {m.recipient} (
                  {m.channel === 'sms' ? 'SMS' : 'mail'}) · gave up after {m.attempts}{' '}
                  {m.attempts === 1 ? 'try' : 'tries'} ·{' '}
                  <time dateTime={m.createdAt}>{formatInstant(m.createdAt, timeZone)}</time>
                </p>
                {m.lastError ? <p className="field-error">{m.lastError}</p> : null}
                <button type="button" className="button" onClick={() => void retryOne(m)}>
                  Try again
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

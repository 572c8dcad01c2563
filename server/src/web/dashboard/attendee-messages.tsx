import { useState } from 'react';
import type { Message } from '../../features/notifications/schema.js';
import { ApiError } from '../api.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';

const STATUS: Record<Message['status'], string> = {
  queued: 'Queued',
  failed: 'Failed, will retry',
  sent: 'Sent',
  dead: 'Gave up',
};

/**
 * The mails about this ticket and its order (the message log), newest first, with "Resend" for
 * each and "Retry" for one that was given up.
 */
export function AttendeeMessages({
  ticketId,
  orderId,
  timezone,
  version,
}: {
  ticketId: string;
  orderId: string;
  timezone: string;
  version: number;
}) {
  const [own, setOwn] = useState(0);
  const [done, setDone] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [messages] = useLoad(
    () => api<{ items: Message[] }>(`/api/v1/messages?ticketId=${encodeURIComponent(ticketId)}`),
    [ticketId, version, own],
  );
  const act = async (path: string, what: string) => {
    try {
      const m = await api<Message>(path, { method: 'POST', body: {} });
      setDone({ tone: 'success', text: `${what}: queued to ${m.recipient}.` });
      setOwn((v) => v + 1);
    } catch (err) {
      setDone({ tone: 'error', text: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <section aria-labelledby="messages-heading" className="panel">
      <h2 id="messages-heading">Messages</h2>
      <button
        type="button"
        className="button"
        onClick={() =>
          void act(`/api/v1/orders/${encodeURIComponent(orderId)}/resend`, 'Confirmation resent')
        }
      >
        Resend the order confirmation
      </button>
      {done ? <Notice tone={done.tone}>{done.text}</Notice> : null}
      {messages.state === 'loading' ? <Loading what="messages" /> : null}
      {messages.state === 'error' ? <LoadError error={messages.error} what="messages" /> : null}
      {messages.state === 'ok' && messages.data.items.length === 0 ? (
        <p>No mail has been sent about this ticket yet.</p>
      ) : null}
      {messages.state === 'ok' && messages.data.items.length > 0 ? (
        <ol className="attendee-messages">
          {messages.data.items.map((m) => (
            <li key={m.id}>
              <p>
                <strong>{m.subject ?? m.kind.replace(/_/g, ' ')}</strong> to {m.recipient}
                <br />
                {STATUS[m.status]} ·{' '}
                <time dateTime={m.sentAt ?? m.createdAt}>
                  {formatInstant(m.sentAt ?? m.createdAt, timezone)}
                </time>
              </p>
              {m.lastError ? <p className="field-error">{m.lastError}</p> : null}
              <button
                type="button"
                className="button"
                onClick={() =>
                  void (m.status === 'dead'
                    ? act(`/api/v1/messages/${m.id}/retry`, 'Retried')
                    : act(`/api/v1/messages/${m.id}/resend`, 'Resent'))
                }
              >
                {m.status === 'dead' ? 'Retry' : 'Resend'}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

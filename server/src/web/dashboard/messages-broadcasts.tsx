import type { Broadcast } from '../../features/notifications/schema.js';
import { LoadError, Loading } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import type { Loaded } from '../use-load.js';
import { usePolling } from '../use-polling.js';

/** Whether a message still has mails to send (or has not been fanned out yet). */
export const underWay = (b: Broadcast) =>
  b.status === 'scheduled' || b.progress.queued + b.progress.failed > 0;

/**
 * The event's organizer messages, newest first, each with how far its sending got; asked again
 * every two seconds while one is under way.
 */
export function BroadcastList({
  broadcasts,
  reload,
  timeZone,
}: {
  broadcasts: Loaded<{ items: Broadcast[] }>;
  reload: () => void;
  timeZone: string;
}) {
  const items = broadcasts.state === 'ok' ? broadcasts.data.items : [];
  usePolling(items.some(underWay), reload, 2000, 600);
  return (
    <section className="panel" aria-labelledby="broadcasts-heading">
      <h2 id="broadcasts-heading">Messages sent</h2>
      {broadcasts.state === 'loading' ? <Loading what="messages" /> : null}
      {broadcasts.state === 'error' ? <LoadError error={broadcasts.error} what="messages" /> : null}
      {broadcasts.state === 'ok' && items.length === 0 ? (
        <p>No message has been written to attendees yet.</p>
      ) : null}
      {items.length ? (
        <ol className="broadcasts">
          {items.map((b) => (
            <BroadcastItem key={b.id} b={b} timeZone={timeZone} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function BroadcastItem({ b, timeZone }: { b: Broadcast; timeZone: string }) {
  const { sent, queued, failed, dead } = b.progress;
  const total = b.recipients ?? 0;
  const when = formatInstant(b.sendAt, timeZone);
  return (
    <li>
      <p>
        <strong>{b.subject}</strong>
        <br />
        {b.status === 'scheduled' ? (
          <>
            Scheduled for <time dateTime={b.sendAt}>{when}</time>
          </>
        ) : (
          <>
            Sent from <time dateTime={b.sendAt}>{when}</time> to {total}{' '}
            {total === 1 ? 'address' : 'addresses'}
          </>
        )}
      </p>
      {b.status === 'queued' ? (
        <>
          <progress
            max={Math.max(total, 1)}
            value={sent + dead}
            aria-label={`Sending of “${b.subject}”`}
          />
          <p className="broadcast-progress" aria-live="polite">
            {sent} sent
            {queued + failed ? `, ${queued + failed} waiting` : ''}
            {failed ? ` (${failed} to be tried again)` : ''}
            {dead ? `, ${dead} could not be delivered` : ''}
          </p>
        </>
      ) : null}
    </li>
  );
}

import type { Broadcast } from '../../features/notifications/schema.js';
import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { BroadcastList } from './messages-broadcasts.js';
import { BroadcastComposer } from './messages-compose.js';
import { MessageTexts } from './messages-texts.js';
import { UndeliveredMessages } from './messages-undelivered.js';
import type { SectionProps } from './sections.js';
import type { TicketType } from './types.js';

/**
 * Messages to attendees: write one to all or some (previewed, confirmed, now or later), follow
 * its sending, try again what could not be delivered, and word the event's mails.
 */
export function MessagesSection({ event, base }: SectionProps) {
  const [types] = useLoad(() => api<TicketType[]>(`${base}/ticket-types`), [base]);
  const [broadcasts, reload] = useLoad(
    () => api<{ items: Broadcast[] }>(`${base}/broadcasts`),
    [base],
  );
  // The list of undelivered messages is read again when a sending gives one up.
  const deadSoFar =
    broadcasts.state === 'ok' ? broadcasts.data.items.reduce((n, b) => n + b.progress.dead, 0) : 0;
  return (
    <div className="messages">
      {types.state === 'loading' ? <Loading what="ticket types" /> : null}
      {types.state === 'error' ? <LoadError error={types.error} what="ticket types" /> : null}
      {types.state === 'ok' ? (
        <BroadcastComposer
          base={base}
          types={types.data}
          timeZone={event.timezone}
          onSent={reload}
        />
      ) : null}
      <BroadcastList broadcasts={broadcasts} reload={reload} timeZone={event.timezone} />
      <UndeliveredMessages eventId={event.id} timeZone={event.timezone} version={deadSoFar} />
      <MessageTexts base={base} languages={event.languages} />
    </div>
  );
}

import type { Db } from '../../platform/db/db.js';
import type { OutboxSubscriber } from '../../platform/bus/subscriber.js';
import type { Links } from './links.js';
import { messagesFor, NOTIFYING_TOPICS } from './outbox-messages.js';
import { announceQueued } from './queued.js';
import { insertMessages } from './store.js';

/**
 * The outbox subscriber of notifications: turns each attendee-facing outbox message into rows of
 * the message log (one per recipient and kind), which the dispatcher then sends. It only writes
 * rows, so the relay's batch is not held up by SMTP; a redelivered outbox message inserts nothing
 * twice (unique on outbox id, kind and recipient).
 */
export function notificationQueuer(db: Db, links: Links): OutboxSubscriber {
  return {
    name: 'notifications',
    topics: NOTIFYING_TOPICS,
    async handle(messages) {
      const rows = (await Promise.all(messages.map((m) => messagesFor(db, m, links)))).flat();
      if ((await insertMessages(db, rows)) > 0) announceQueued();
    },
  };
}

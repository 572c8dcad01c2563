-- Notifications: one row per message to one recipient. It is the queue the dispatcher leases
-- from and the message log organizers read (queued, sent with the provider's id, failed with the
-- reason and waiting for its next try, dead after the last). `data` is what the template renders
-- from, fixed when the message is queued, so a retry sends the same content.
CREATE TABLE notification_messages (
  id uuid PRIMARY KEY,
  -- The outbox message it came from; with kind and recipient, what makes a redelivery a no-op.
  outbox_id bigint,
  kind text NOT NULL,
  channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms')),
  event_id uuid REFERENCES events (id),
  order_id uuid,
  ticket_id uuid,
  recipient text NOT NULL,
  recipient_name text NOT NULL DEFAULT '',
  data jsonb NOT NULL,
  subject text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'failed', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz NOT NULL DEFAULT now(),
  provider_id text,
  last_error text,
  -- The message this one sends again (an organizer's or attendee's resend, a dead letter's retry).
  resend_of uuid REFERENCES notification_messages (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE UNIQUE INDEX notification_messages_once ON notification_messages (outbox_id, kind, recipient)
  WHERE outbox_id IS NOT NULL;
CREATE INDEX notification_messages_due ON notification_messages (available_at)
  WHERE status IN ('queued', 'failed');
CREATE INDEX notification_messages_order ON notification_messages (order_id, created_at);
CREATE INDEX notification_messages_ticket ON notification_messages (ticket_id, created_at);
CREATE INDEX notification_messages_event_status ON notification_messages (event_id, status, created_at);

-- Pruning delivered outbox rows reads them by delivery time.
CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;

-- The access key of an order, waitlist entry or transferred ticket, kept (orders themselves keep
-- only its hash) so that mails, a resend and "send me my tickets again" can carry the same link
-- the attendee was given. Written in the transaction that hands the key out.
CREATE TABLE mail_access_keys (
  subject_id uuid PRIMARY KEY,
  access_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Organizer messages: one text to many attendees of an event, now or at a set time. At send_at
-- the broadcast is fanned out into notification_messages (one per address), their due times
-- spread at a set pace so transactional mails (due at once) go first and the sale is not slowed.
CREATE TABLE notification_broadcasts (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id),
  subject text NOT NULL,
  body text NOT NULL,
  -- {"ticketTypeIds": [...] | null, "checkedIn": true | false | null}
  audience jsonb NOT NULL,
  send_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'queued')),
  recipients integer,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_broadcasts_due ON notification_broadcasts (send_at) WHERE status = 'scheduled';
CREATE INDEX notification_broadcasts_event ON notification_broadcasts (event_id, created_at);

ALTER TABLE notification_messages ADD COLUMN broadcast_id uuid REFERENCES notification_broadcasts (id);
CREATE UNIQUE INDEX notification_messages_broadcast_once ON notification_messages (broadcast_id, recipient)
  WHERE broadcast_id IS NOT NULL;

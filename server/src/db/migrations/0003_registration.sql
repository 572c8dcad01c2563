-- Registration and ticketing: capacity (ticket types and shared quotas), orders and their holds,
-- tickets with signed tokens and history, the waitlist, payments, idempotency and the outbox.

-- Per-event sales settings.
ALTER TABLE events
  ADD COLUMN payment_provider text NOT NULL DEFAULT 'manual'
    CHECK (payment_provider IN ('manual', 'stripe')),
  ADD COLUMN hold_minutes integer NOT NULL DEFAULT 30 CHECK (hold_minutes BETWEEN 1 AND 10080),
  ADD COLUMN waitlist_offer_minutes integer NOT NULL DEFAULT 60
    CHECK (waitlist_offer_minutes BETWEEN 1 AND 10080),
  ADD COLUMN max_tickets_per_email integer CHECK (max_tickets_per_email >= 1);

-- A quota is capacity shared by several ticket types (a room of 500 over early-bird, regular, VIP).
-- used counts sold and held seats of all its types; taken with conditional UPDATEs.
CREATE TABLE quotas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  name text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (used <= size)
);
CREATE UNIQUE INDEX quotas_event_name ON quotas (event_id, lower(name)) WHERE archived_at IS NULL;

CREATE TABLE quota_ticket_types (
  quota_id uuid NOT NULL REFERENCES quotas (id),
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id),
  PRIMARY KEY (quota_id, ticket_type_id)
);
CREATE INDEX quota_ticket_types_type ON quota_ticket_types (ticket_type_id);

-- Custom questions asked at registration.
CREATE TABLE questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  label text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('text', 'choice', 'checkbox')),
  required boolean NOT NULL DEFAULT false,
  options jsonb NOT NULL DEFAULT '[]',
  -- NULL: asked for every ticket type.
  ticket_type_ids uuid[],
  position integer NOT NULL DEFAULT 0,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX questions_event ON questions (event_id, position);

CREATE TABLE promo_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  code text NOT NULL,
  discount_kind text NOT NULL CHECK (discount_kind IN ('percent', 'fixed')),
  -- percent: 1-100; fixed: minor units off each ticket.
  discount_value integer NOT NULL CHECK (discount_value > 0),
  max_uses integer CHECK (max_uses >= 1),
  uses integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
  valid_from timestamptz,
  valid_until timestamptz,
  -- NULL: valid for every ticket type.
  ticket_type_ids uuid[],
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (max_uses IS NULL OR uses <= max_uses),
  CHECK (discount_kind <> 'percent' OR discount_value <= 100)
);
CREATE UNIQUE INDEX promo_codes_event_code ON promo_codes (event_id, upper(code)) WHERE archived_at IS NULL;

CREATE TABLE orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id),
  quantity integer NOT NULL CHECK (quantity >= 1),
  attendee_name text NOT NULL,
  attendee_email text NOT NULL,
  email_normalized text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}',
  promo_code_id uuid REFERENCES promo_codes (id),
  subtotal_cents bigint NOT NULL CHECK (subtotal_cents >= 0),
  discount_cents bigint NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
  total_cents bigint NOT NULL CHECK (total_cents >= 0),
  refunded_cents bigint NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('pending_payment', 'confirmed', 'expired', 'cancelled')),
  payment_method text NOT NULL CHECK (payment_method IN ('free', 'manual', 'stripe')),
  -- While pending_payment, the order's seats are held (counted in ticket_types.held) until then.
  hold_expires_at timestamptz,
  -- sha256 of the secret that lets the attendee read their own order and tickets.
  access_key_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (refunded_cents <= total_cents),
  CHECK (status <> 'pending_payment' OR hold_expires_at IS NOT NULL)
);
CREATE INDEX orders_event_email ON orders (event_id, email_normalized);
CREATE INDEX orders_event_created ON orders (event_id, created_at);
CREATE INDEX orders_hold_expiry ON orders (hold_expires_at) WHERE status = 'pending_payment';

-- One ticket per seat. status: pending (order not paid yet), valid, revoked, cancelled.
CREATE TABLE tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES orders (id),
  event_id uuid NOT NULL REFERENCES events (id),
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id),
  attendee_name text NOT NULL,
  attendee_email text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'valid', 'revoked', 'cancelled')),
  -- Bumped on reissue and transfer; a token of an older revision is refused.
  revision integer NOT NULL DEFAULT 0,
  token text NOT NULL,
  kid text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_order ON tickets (order_id);
CREATE INDEX tickets_event ON tickets (event_id);

-- Every state change of a ticket, append-only.
CREATE TABLE ticket_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  actor text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id);

-- Ed25519 keys that sign an event's ticket tokens; kiosks receive the public halves by sync.
-- The newest key that is not retired signs; retired keys stay for verification until removed.
CREATE TABLE event_signing_keys (
  event_id uuid NOT NULL REFERENCES events (id),
  kid text NOT NULL,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (event_id, kid)
);

-- Waitlist: one live entry per email and ticket type; position is the queue order.
CREATE TABLE waitlist_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id),
  position bigint GENERATED ALWAYS AS IDENTITY,
  attendee_name text NOT NULL,
  attendee_email text NOT NULL,
  email_normalized text NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity >= 1),
  status text NOT NULL CHECK (status IN ('waiting', 'offered', 'claimed', 'expired', 'cancelled')),
  -- While offered, a seat is held (ticket_types.held) for this entry until offer_expires_at.
  offer_expires_at timestamptz,
  claimed_order_id uuid REFERENCES orders (id),
  access_key_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL)
);
CREATE UNIQUE INDEX waitlist_live_email ON waitlist_entries (ticket_type_id, email_normalized)
  WHERE status IN ('waiting', 'offered');
CREATE INDEX waitlist_queue ON waitlist_entries (ticket_type_id, position) WHERE status = 'waiting';
CREATE INDEX waitlist_offer_expiry ON waitlist_entries (offer_expires_at) WHERE status = 'offered';

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES orders (id),
  provider text NOT NULL CHECK (provider IN ('free', 'manual', 'stripe')),
  -- The provider's id: a Stripe Checkout Session id, an invoice number, ...
  provider_ref text,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_order ON payments (order_id);
CREATE UNIQUE INDEX payments_provider_ref ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;

CREATE TABLE refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES orders (id),
  payment_id uuid REFERENCES payments (id),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  reason text,
  provider_ref text,
  actor text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order ON refunds (order_id);

-- Webhook deliveries from payment providers already processed (idempotency by their event id).
CREATE TABLE payment_webhook_events (
  provider text NOT NULL,
  event_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, event_id)
);

-- Idempotency-Key: the first response to a key is stored with the request's hash and replayed.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- Transactional outbox: written in the same transaction as the change it announces.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  event_id uuid,
  aggregate_id uuid,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  delivered_at timestamptz,
  dead_at timestamptz,
  last_error text
);
CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE delivered_at IS NULL AND dead_at IS NULL;

-- Sale rushes stay fair: unpaid orders (holds) and waitlist places count against the client
-- address they came from, capped per event; an event can ask for a proof-of-work (ALTCHA).
ALTER TABLE events
  ADD COLUMN max_holds_per_email integer DEFAULT 2 CHECK (max_holds_per_email >= 1),
  ADD COLUMN max_holds_per_ip integer DEFAULT 5 CHECK (max_holds_per_ip >= 1),
  ADD COLUMN max_waitlist_per_ip integer DEFAULT 10 CHECK (max_waitlist_per_ip >= 1),
  ADD COLUMN proof_of_work boolean NOT NULL DEFAULT false;

-- The client address of the request that placed the order or joined the waitlist (null before).
ALTER TABLE orders ADD COLUMN client_ip text;
ALTER TABLE waitlist_entries ADD COLUMN client_ip text;

CREATE INDEX orders_pending_by_ip ON orders (event_id, client_ip) WHERE status = 'pending_payment';
CREATE INDEX waitlist_live_by_ip ON waitlist_entries (event_id, client_ip)
  WHERE status IN ('waiting', 'offered');

-- Secrets the server makes for itself once and every replica shares (the ALTCHA HMAC keys).
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

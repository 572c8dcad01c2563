-- Trigram similarity for typo-tolerant attendee search (trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Organizations own events; every API client belongs to one.
CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  timezone text NOT NULL,
  venue text,
  description text,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at)
);
CREATE INDEX events_org_created ON events (organization_id, created_at DESC, id DESC);

-- sold and held are counters taken with conditional UPDATEs, so the capacity rule
-- (sold + held <= quantity) holds under any concurrency.
CREATE TABLE ticket_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  name text NOT NULL,
  description text,
  price_cents bigint NOT NULL CHECK (price_cents >= 0),
  currency char(3) NOT NULL,
  quantity integer NOT NULL CHECK (quantity >= 0),
  max_per_order integer NOT NULL CHECK (max_per_order >= 1),
  sales_start timestamptz,
  sales_end timestamptz,
  sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
  held integer NOT NULL DEFAULT 0 CHECK (held >= 0),
  position integer NOT NULL DEFAULT 0,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (sold + held <= quantity),
  CHECK (sales_start IS NULL OR sales_end IS NULL OR sales_start < sales_end)
);
CREATE INDEX ticket_types_event ON ticket_types (event_id, position, created_at);
CREATE UNIQUE INDEX ticket_types_event_name ON ticket_types (event_id, lower(name)) WHERE archived_at IS NULL;

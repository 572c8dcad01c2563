-- Branding and consent (issue 14): what the public page shows about the event and its organizer.
-- One jsonb object (accent colour, organizer name, contact, imprint, terms and privacy links),
-- validated by the API's schema: the fields are read and written together, never queried.
ALTER TABLE events ADD COLUMN branding jsonb NOT NULL DEFAULT '{}';

-- The event's logo and banner, in the database rather than a data directory: replicas stay
-- stateless and `lanyard db backup` keeps them. Small by rule (the API refuses over 512 KiB).
CREATE TABLE event_images (
  event_id uuid NOT NULL REFERENCES events (id),
  slot text NOT NULL CHECK (slot IN ('logo', 'banner')),
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  bytes bytea NOT NULL,
  -- sha256 of the bytes, hex: the ETag and the version in the image's URL.
  digest text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, slot)
);

-- The terms and privacy documents the buyer agreed to, their URLs and when; null when the event
-- asked for no consent.
ALTER TABLE orders ADD COLUMN consent jsonb;

-- Team invites and password resets (issue 14): an invited account has no password until its
-- person sets one through the mailed link.
ALTER TABLE organizer_accounts ALTER COLUMN password_hash DROP NOT NULL;

-- One-time links that set an account's password. Only the sha256 of the token is kept; a link is
-- used once (used_at) and expires. A newer link of the account replaces the older ones.
CREATE TABLE account_tokens (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES organizer_accounts (id),
  purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_account ON account_tokens (account_id);

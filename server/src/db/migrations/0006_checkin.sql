-- Check-in: lists, kiosk devices, every scan as an immutable event, the per-ticket state row whose
-- conditional write decides online admissions, offline duplicates flagged, and the kiosk change log.

-- A check-in list: which ticket types it admits (NULL: all), when, how often, at which gates.
-- An event without lists behaves as one default list whose id is the event's id (never stored).
CREATE TABLE checkin_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  name text NOT NULL,
  ticket_type_ids uuid[],
  opens_at timestamptz,
  closes_at timestamptz,
  entry_rule text NOT NULL CHECK (entry_rule IN ('single', 'reentry_after_exit', 'multi')),
  gates text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Soft delete: scans keep naming the list they were made on.
  deleted_at timestamptz,
  CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
);
CREATE UNIQUE INDEX checkin_lists_event_name ON checkin_lists (event_id, lower(name))
  WHERE deleted_at IS NULL;

-- A kiosk bound to one event. It enrolls once with a one-time code (only its hash is kept) and
-- gets its own OAuth2 client (client_id), holding only the checkin scope.
CREATE TABLE devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  name text NOT NULL,
  client_id text NOT NULL UNIQUE,
  enrollment_code_hash text NOT NULL UNIQUE,
  enrollment_expires_at timestamptz NOT NULL,
  enrolled_at timestamptz,
  revoked_at timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_event ON devices (event_id, created_at);

-- Every scan, online or uploaded, exactly once by scan_id; never updated.
CREATE TABLE checkin_scans (
  scan_id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id),
  list_id uuid NOT NULL,
  -- NULL when the scanned text names no ticket of this event (garbage, another event's token).
  ticket_id uuid,
  -- NULL for staff scanning with their own token.
  device_id uuid,
  actor text NOT NULL,
  gate text,
  direction text NOT NULL CHECK (direction IN ('entry', 'exit')),
  result text NOT NULL CHECK (result IN ('admitted', 'already_checked_in', 'revoked', 'invalid')),
  reason text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('online', 'upload')),
  -- What an offline device answered, as uploaded.
  device_result text,
  -- sha256 of the scanned text: enough to tell a replay from a reused scan id.
  token_sha256 text NOT NULL,
  scanned_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  received_seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX checkin_scans_admitted ON checkin_scans (ticket_id, list_id)
  WHERE result = 'admitted';
CREATE INDEX checkin_scans_event_admitted ON checkin_scans (event_id, scan_id)
  WHERE result = 'admitted';

-- One row per ticket and list; `version` moves with every counted passage. An online admission
-- is written only if the version is still the one its decision read (or the row is still absent).
CREATE TABLE checkin_states (
  ticket_id uuid NOT NULL,
  list_id uuid NOT NULL,
  version bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, list_id)
);

-- Admissions an offline device made that the list's entry rule forbids (re-derived after uploads).
CREATE TABLE checkin_flags (
  scan_id uuid PRIMARY KEY REFERENCES checkin_scans (scan_id),
  event_id uuid NOT NULL,
  list_id uuid NOT NULL,
  ticket_id uuid NOT NULL,
  duplicate_of uuid NOT NULL REFERENCES checkin_scans (scan_id),
  flagged_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkin_flags_event ON checkin_flags (event_id, flagged_at, scan_id);
CREATE INDEX checkin_flags_ticket ON checkin_flags (ticket_id, list_id);

-- The kiosk change log: which entity of which event changed, in `seq` order. `seq` values commit
-- out of order, so a reader only hands out rows up to a settled horizon: every writer first takes
-- the shared advisory lock (4242, 8), visible at once in pg_locks, then draws its seq; a reader
-- reads the sequence's last value, then waits until the lock's holders seen after that read
-- have ended. Rows up to that value are then final. Only change writers are waited for.
CREATE TABLE sync_changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ticket', 'checkin_list', 'signing_key', 'scan')),
  entity_id text NOT NULL
);
CREATE INDEX sync_changes_feed ON sync_changes (event_id, seq);

CREATE FUNCTION sync_log(p_event uuid, p_kind text, p_entity text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(4242, 8);
  INSERT INTO sync_changes (event_id, kind, entity_id) VALUES (p_event, p_kind, p_entity);
END $$;

-- A first sync pages through an event's tickets by id.
CREATE INDEX tickets_event_id ON tickets (event_id, id);

-- Triggers write the log in the writer's own transaction, so no feature can forget to.
CREATE FUNCTION sync_log_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sync_log(NEW.event_id, 'ticket', NEW.id::text);
  RETURN NULL;
END $$;
CREATE TRIGGER tickets_sync_insert AFTER INSERT ON tickets
  FOR EACH ROW WHEN (NEW.status <> 'pending') EXECUTE FUNCTION sync_log_ticket();
CREATE TRIGGER tickets_sync_update AFTER UPDATE ON tickets
  FOR EACH ROW WHEN (
    OLD.status IS DISTINCT FROM NEW.status OR OLD.revision IS DISTINCT FROM NEW.revision
    OR OLD.attendee_name IS DISTINCT FROM NEW.attendee_name
    OR OLD.attendee_email IS DISTINCT FROM NEW.attendee_email
    OR OLD.ticket_type_id IS DISTINCT FROM NEW.ticket_type_id
  ) EXECUTE FUNCTION sync_log_ticket();

CREATE FUNCTION sync_log_signing_key() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE k event_signing_keys;
BEGIN
  IF TG_OP = 'DELETE' THEN k := OLD; ELSE k := NEW; END IF;
  PERFORM sync_log(k.event_id, 'signing_key', k.kid);
  RETURN NULL;
END $$;
CREATE TRIGGER event_signing_keys_sync AFTER INSERT OR DELETE ON event_signing_keys
  FOR EACH ROW EXECUTE FUNCTION sync_log_signing_key();

-- A list created or deleted also changes whether the event's default list (id = event id) exists.
CREATE FUNCTION sync_log_checkin_list() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sync_log(NEW.event_id, 'checkin_list', NEW.id::text);
  IF TG_OP = 'INSERT' OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at THEN
    PERFORM sync_log(NEW.event_id, 'checkin_list', NEW.event_id::text);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER checkin_lists_sync AFTER INSERT OR UPDATE ON checkin_lists
  FOR EACH ROW EXECUTE FUNCTION sync_log_checkin_list();

-- Only counted passages matter to other kiosks.
CREATE FUNCTION sync_log_scan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sync_log(NEW.event_id, 'scan', NEW.scan_id::text);
  RETURN NULL;
END $$;
CREATE TRIGGER checkin_scans_sync AFTER INSERT ON checkin_scans
  FOR EACH ROW WHEN (NEW.result = 'admitted' AND NEW.ticket_id IS NOT NULL)
  EXECUTE FUNCTION sync_log_scan();

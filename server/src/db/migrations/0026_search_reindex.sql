-- Elasticsearch backfill (features/search-reindex) and the feed that keeps it current.
--
-- A reindex of one scope ('all', or an event's id) walks the document kinds in a fixed order,
-- each table in id order, and records after every bulk request where it stands: a reindex that
-- was interrupted (process killed, cluster down) resumes after the last page it recorded, and
-- indexes again at most the one page that was in flight.
CREATE TABLE search_reindex_runs (
  scope text PRIMARY KEY,
  kind text NOT NULL,
  after_id uuid,
  indexed bigint NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- Servers that keep an index outside PostgreSQL (ELASTICSEARCH_URL set) register here at
-- start-up. Check-ins announce themselves through the outbox only while someone listens (0015):
-- an enabled webhook endpoint, or now an external index, whose no-show figures need admissions.
CREATE TABLE search_feeds (
  name text PRIMARY KEY,
  since timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION webhook_checkin_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints
                  WHERE enabled AND (event_id IS NULL OR event_id = NEW.event_id))
     AND NOT EXISTS (SELECT 1 FROM search_feeds) THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'checkin_scans' THEN
    INSERT INTO outbox (topic, event_id, aggregate_id, payload)
    VALUES ('checkin.admitted', NEW.event_id, NEW.ticket_id, jsonb_build_object(
      'scanId', NEW.scan_id, 'ticketId', NEW.ticket_id, 'listId', NEW.list_id, 'gate', NEW.gate,
      'direction', NEW.direction, 'origin', NEW.origin, 'deviceId', NEW.device_id,
      'scannedAt', NEW.scanned_at));
  ELSE
    INSERT INTO outbox (topic, event_id, aggregate_id, payload)
    VALUES ('checkin.flagged', NEW.event_id, NEW.ticket_id, jsonb_build_object(
      'scanId', NEW.scan_id, 'ticketId', NEW.ticket_id, 'listId', NEW.list_id,
      'duplicateOf', NEW.duplicate_of));
  END IF;
  RETURN NULL;
END $$;

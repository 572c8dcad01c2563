-- Outgoing webhooks (Standard Webhooks): endpoints, one message per endpoint and outbox message,
-- and a log of every delivery attempt. See features/webhooks and docs/webhooks.md.

-- An integrator's receiver. event_types '{*}' means every type. During a rotation the previous
-- secret stays valid until previous_secret_expires_at and both signatures are sent.
CREATE TABLE webhook_endpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  event_id uuid REFERENCES events (id),
  url text NOT NULL,
  event_types text[] NOT NULL,
  description text NOT NULL DEFAULT '',
  enabled boolean NOT NULL DEFAULT true,
  -- Why it was disabled: 'manual', 'gone' (answered 410), 'failing' (5 days without a success).
  disabled_reason text,
  secret text NOT NULL,
  previous_secret text,
  previous_secret_expires_at timestamptz,
  -- Set at the first failure after a success; cleared by the next success.
  failing_since timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_org ON webhook_endpoints (organization_id, created_at);

-- One message to one endpoint: the exact body sent on every attempt (so a retry signs the same
-- bytes) and its retry state. id is the webhook-id header, stable across retries and replays.
CREATE TABLE webhook_messages (
  id text PRIMARY KEY,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  -- The outbox message it came from; null for test events. Unique per endpoint and type, so a
  -- redelivered outbox message fans out once.
  outbox_id bigint,
  event_type text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- pending (due at next_attempt_at; while being sent that is the lease), delivered, failed (gave up).
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (outbox_id, endpoint_id, event_type)
);
CREATE INDEX webhook_messages_due ON webhook_messages (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_messages_endpoint ON webhook_messages (endpoint_id, created_at);

-- Every attempt: kept 30 days (pruned by the dispatcher).
CREATE TABLE webhook_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id text NOT NULL REFERENCES webhook_messages (id) ON DELETE CASCADE,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  -- HTTP status; null when no answer came (refused, timeout, address not allowed).
  status integer,
  error text,
  latency_ms integer NOT NULL,
  -- The first 2 KB of the answer.
  response_body text
);
CREATE INDEX webhook_attempts_message ON webhook_attempts (message_id, attempted_at);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, attempted_at);

-- Check-ins announce themselves to webhooks through the outbox, in the scan's own transaction:
-- an admission (online, or an uploaded offline scan) and a duplicate flag. Written only while
-- some enabled endpoint could want it, so check-in pays nothing on a server without webhooks.
-- Triggers rather than code in the scan path, whose online admission is one statement.
CREATE FUNCTION webhook_checkin_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints
                  WHERE enabled AND (event_id IS NULL OR event_id = NEW.event_id)) THEN
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
CREATE TRIGGER checkin_scans_webhooks AFTER INSERT ON checkin_scans
  FOR EACH ROW WHEN (NEW.result = 'admitted') EXECUTE FUNCTION webhook_checkin_outbox();
CREATE TRIGGER checkin_flags_webhooks AFTER INSERT ON checkin_flags
  FOR EACH ROW EXECUTE FUNCTION webhook_checkin_outbox();

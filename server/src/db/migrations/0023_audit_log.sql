-- The audit log: every change staff, organizers, admins, devices and integrations make, appended in
-- the change's own transaction. Each entry links to the previous one by hash (seq, prev_hash,
-- hash); the payload (before/after of the changed fields) is hashed on its own so it can be
-- redacted for an erasure request while the chain still verifies.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  organization_id uuid NOT NULL,
  event_id uuid,
  actor_subject text,
  actor_client_id text,
  actor_device_id text,
  ip text,
  user_agent text,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text,
  payload jsonb,
  payload_hash text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  redacted_at timestamptz
);
CREATE INDEX audit_log_org_seq ON audit_log (organization_id, seq DESC);
CREATE INDEX audit_log_event_seq ON audit_log (event_id, seq DESC) WHERE event_id IS NOT NULL;

-- The head of the chain: one row, locked FOR UPDATE by each append, so two transactions never
-- append after the same entry.
CREATE TABLE audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));

-- The server's Ed25519 keys that sign checkpoints, stored like the events' ticket-signing keys.
CREATE TABLE audit_signing_keys (
  kid text PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Signed statements "the chain had this head at this time"; a verifier holding an older
-- checkpoint notices a rewritten history.
CREATE TABLE audit_checkpoints (
  seq bigint PRIMARY KEY,
  hash text NOT NULL,
  at timestamptz NOT NULL,
  kid text NOT NULL REFERENCES audit_signing_keys (kid),
  signature text NOT NULL
);

-- Append-only: updates and deletes are refused, except the redaction path, which (inside a
-- transaction that set lanyard.audit_redaction) may clear the payload and nothing else.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('lanyard.audit_redaction', true), '') = 'on' THEN
    IF NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.organization_id = OLD.organization_id
     AND NEW.event_id IS NOT DISTINCT FROM OLD.event_id
     AND NEW.actor_subject IS NOT DISTINCT FROM OLD.actor_subject
     AND NEW.actor_client_id IS NOT DISTINCT FROM OLD.actor_client_id
     AND NEW.actor_device_id IS NOT DISTINCT FROM OLD.actor_device_id
     AND NEW.ip IS NOT DISTINCT FROM OLD.ip
     AND NEW.user_agent IS NOT DISTINCT FROM OLD.user_agent
     AND NEW.action = OLD.action AND NEW.object_type = OLD.object_type
     AND NEW.object_id IS NOT DISTINCT FROM OLD.object_id
     AND NEW.payload_hash = OLD.payload_hash AND NEW.prev_hash = OLD.prev_hash
     AND NEW.hash = OLD.hash AND NEW.payload IS NULL AND NEW.redacted_at IS NOT NULL THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

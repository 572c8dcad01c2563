-- The audit log moves to a schema of its own, `audit`, handed to a role of its own, lanyard_audit
-- (NOLOGIN, one per PostgreSQL cluster), so the role the server connects as can no longer rewrite
-- history: it keeps SELECT and INSERT, and UPDATE of the two columns a redaction changes (the
-- trigger of 0023 still checks that a redaction changes nothing else), but not UPDATE of the rest,
-- DELETE, TRUNCATE, DROP, ALTER (disabling the trigger) or replacing the trigger's function, all
-- of which need the owner of the table or of its schema. (In `public`, which the database's owner
-- owns, the server's role could still drop the table.) The checkpoints go with it, so a stored
-- checkpoint cannot be deleted to hide a rewrite.
--
-- The server migrates with its own connection, so this matters only where its role is not a
-- superuser (a superuser may do anything anyway, and keeps the schema; docs/operations.md says how
-- to run with a role of its own). The hand-over needs CREATEROLE to create lanyard_audit and to be,
-- for the moment of the transfer, a member of it; a role without that keeps the schema, and the
-- trigger alone protects the log, which this migration says in a NOTICE. A later migration that alters these tables must be run by a superuser or a
-- member of lanyard_audit.
--
-- Locks: SET SCHEMA and OWNER TO take ACCESS EXCLUSIVE locks on audit_log and audit_checkpoints
-- for catalog updates only (no rewrite), milliseconds whatever their size.
CREATE SCHEMA audit;
ALTER TABLE audit_log SET SCHEMA audit;
ALTER TABLE audit_checkpoints SET SCHEMA audit;
ALTER FUNCTION audit_log_append_only() SET SCHEMA audit;
-- The trigger runs with the caller's search_path; nothing the caller creates may stand in for the
-- built-ins it calls.
ALTER FUNCTION audit.audit_log_append_only() SET search_path = pg_catalog;

DO $$
DECLARE
  me text := current_user;
  db text := current_database();
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = me) THEN
    RETURN;
  END IF;
  BEGIN
    CREATE ROLE lanyard_audit NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created before (roles belong to the cluster), or by a migration racing this one
  END;
  EXECUTE format('GRANT lanyard_audit TO %I', me);
  EXECUTE format('GRANT CREATE ON DATABASE %I TO lanyard_audit', db);
  ALTER SCHEMA audit OWNER TO lanyard_audit;
  ALTER TABLE audit.audit_log OWNER TO lanyard_audit;
  ALTER TABLE audit.audit_checkpoints OWNER TO lanyard_audit;
  ALTER FUNCTION audit.audit_log_append_only() OWNER TO lanyard_audit;
  EXECUTE format('GRANT USAGE ON SCHEMA audit TO %I', me);
  EXECUTE format('GRANT SELECT, INSERT ON audit.audit_log, audit.audit_checkpoints TO %I', me);
  EXECUTE format('GRANT UPDATE (payload, redacted_at) ON audit.audit_log TO %I', me);
  EXECUTE format('REVOKE CREATE ON DATABASE %I FROM lanyard_audit', db);
  EXECUTE format('REVOKE lanyard_audit FROM %I', me);
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'the audit log stays owned by %: %; the append-only trigger alone protects it', me, SQLERRM;
END $$;

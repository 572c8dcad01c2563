-- A check-in list bound to a schedule room admits, while a released session is on in that room,
-- that session's confirmed signups (any ticket of the list for a session without signup).
-- No foreign key: a room deleted from the draft leaves its list admitting nobody (no session on),
-- never everybody, and the list's old scans keep naming it.
ALTER TABLE checkin_lists ADD COLUMN room_id uuid;

-- Kiosks carry each room list with its sessions and signups, so a signup or a release is a change
-- of every room list of the event (an event has a handful), logged in the writer's transaction.
CREATE FUNCTION sync_log_room_lists(p_event uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE l uuid;
BEGIN
  FOR l IN SELECT id FROM checkin_lists
    WHERE event_id = p_event AND room_id IS NOT NULL AND deleted_at IS NULL ORDER BY id
  LOOP
    PERFORM sync_log(p_event, 'checkin_list', l::text);
  END LOOP;
END $$;

CREATE FUNCTION sync_log_signup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN s := OLD.session_id; ELSE s := NEW.session_id; END IF;
  PERFORM sync_log_room_lists((SELECT event_id FROM schedule_sessions WHERE id = s));
  RETURN NULL;
END $$;
CREATE TRIGGER schedule_signups_sync AFTER INSERT OR UPDATE OF status OR DELETE ON schedule_signups
  FOR EACH ROW EXECUTE FUNCTION sync_log_signup();

CREATE FUNCTION sync_log_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sync_log_room_lists(NEW.event_id);
  RETURN NULL;
END $$;
CREATE TRIGGER schedule_releases_sync AFTER INSERT ON schedule_releases
  FOR EACH ROW EXECUTE FUNCTION sync_log_release();

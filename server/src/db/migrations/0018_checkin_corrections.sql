-- Check-in corrections. Both tables only grow; checkin_scans stays never-updated.
--
-- An annulled admission no longer counts: the ticket may enter again, and kiosks forget it
-- through the change feed. At most one annulment per scan.
CREATE TABLE checkin_annulments (
  scan_id uuid PRIMARY KEY REFERENCES checkin_scans (scan_id),
  event_id uuid NOT NULL REFERENCES events (id),
  ticket_id uuid NOT NULL,
  list_id uuid NOT NULL,
  actor text NOT NULL,
  reason text,
  annulled_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkin_annulments_event ON checkin_annulments (event_id, annulled_at);

-- Scans made by staff choosing the ticket by hand (the attendee had no QR code with them).
CREATE TABLE checkin_manual_entries (
  scan_id uuid PRIMARY KEY REFERENCES checkin_scans (scan_id),
  event_id uuid NOT NULL REFERENCES events (id)
);

-- Kiosks hear of an annulment as a change of the scan (the feed renders it `scan.annulled`).
CREATE TRIGGER checkin_annulments_sync AFTER INSERT ON checkin_annulments
  FOR EACH ROW EXECUTE FUNCTION sync_log_scan();

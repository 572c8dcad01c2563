-- When an enrolled kiosk last reached the server (a scan, a sync or its long-poll), so the
-- organizer sees which stations are up. Written at most every 30 seconds per device
-- (features/devices/store.ts, seenByClientId), never in a scan's own transaction.
ALTER TABLE devices ADD COLUMN last_seen_at timestamptz;

-- Ticketing: a transferred ticket gets its own access key, so the previous holder's order key no
-- longer opens it. NULL: the order's access key opens the ticket (it never left the buyer).
ALTER TABLE tickets ADD COLUMN access_key_hash text;

-- Staff list an event's tickets page by page, oldest first, optionally by status.
CREATE INDEX tickets_event_created ON tickets (event_id, created_at, id);

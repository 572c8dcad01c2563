-- Waitlist: organizers list an event's line in queue order, page by page.
CREATE INDEX waitlist_event_position ON waitlist_entries (event_id, position);

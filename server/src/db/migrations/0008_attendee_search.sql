-- Attendee search (features/attendee-search) reads the tickets table itself, so a search sees a
-- change as soon as it commits. Names are matched by trigram (typo-tolerant), emails exactly;
-- ticket ids by range on tickets_event_id (0006).
CREATE INDEX tickets_attendee_name_trgm ON tickets USING gin (attendee_name gin_trgm_ops);
CREATE INDEX tickets_event_email ON tickets (event_id, lower(attendee_email));

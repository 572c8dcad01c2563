-- The online scan looks a ticket's admitted scans up by ticket and list (checkin_scans_admitted).
-- Beside it, this partial index under the same predicate let the planner rate a whole scan of it
-- as cheap as that lookup while checkin_scans was small, and each connection's cached plan kept
-- the choice as the table grew: with 7 000 admissions of one event, every scan read all of them
-- (15 ms of PostgreSQL time). An index that is not partial is only read through its leading key,
-- so a lookup by ticket cannot pick it; the event's own reads keep their order by scan_id.
DROP INDEX checkin_scans_event_admitted;
CREATE INDEX checkin_scans_event_admitted ON checkin_scans (event_id, result, scan_id);

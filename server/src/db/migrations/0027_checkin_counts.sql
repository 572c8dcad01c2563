-- Check-in progress kept as counters (features/checkin/stats-store.ts), written in the same
-- transaction as whatever changes who has entered or is inside: a counted scan (online admission
-- or exit, uploaded offline scan), an annulment, a ticket leaving or regaining 'valid'. The stats
-- read a handful of counter rows instead of folding every scan of the event (330 ms at 100 000
-- tickets).
--
-- checkin_presence holds what each ticket adds to the counters: one row for the event, one per
-- list it passed on, one per (list, gate). A change recomputes the touched tickets' rows from
-- their scans (a few rows each, by checkin_scans_admitted) and adds the difference to
-- checkin_counts, so an upload arriving out of order or an annulment of an older scan counts
-- exactly as a full recount would. checkin_counts splits each figure over 8 slots by ticket, so
-- 500 admissions a second do not queue on one row lock; a read sums the slots.
--
-- Locks: creating the triggers takes SHARE ROW EXCLUSIVE on checkin_scans, checkin_annulments and
-- tickets until this migration commits, so scans, annulments and ticket changes (sales included)
-- wait while the counters are backfilled from every counted scan: a few seconds per 100 000
-- admitted tickets (recounting all of them took 4.4 s at load 7 on the 2-core machine;
-- docs/benchmarks.md, checkin-stats). Reads are not blocked.
CREATE TABLE checkin_presence (
  ticket_id uuid NOT NULL,
  event_id uuid NOT NULL,
  kind text NOT NULL,
  list_id uuid,
  gate text,
  admitted integer NOT NULL,
  inside integer NOT NULL,
  exits integer NOT NULL
);
CREATE INDEX checkin_presence_ticket ON checkin_presence (ticket_id);

-- kind 'event': list_id and gate NULL; 'list': gate NULL; 'gate': gate NULL for scans without one.
CREATE TABLE checkin_counts (
  event_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('event', 'list', 'gate')),
  list_id uuid,
  gate text,
  slot smallint NOT NULL,
  admitted bigint NOT NULL,
  inside bigint NOT NULL,
  exits bigint NOT NULL,
  CONSTRAINT checkin_counts_key UNIQUE NULLS NOT DISTINCT (event_id, kind, list_id, gate, slot)
);

-- What these tickets add to the counters, from their counted scans, as the stats always counted:
-- admitted = a valid ticket with a counted entry; inside = its last counted passage on a list (by
-- scan time, ties by scan id, as core replays them) is an entry; at a gate, admitted = an entry
-- there, exits = every exit there.
CREATE FUNCTION checkin_presence_of(p_tickets uuid[])
RETURNS SETOF checkin_presence LANGUAGE sql STABLE AS $$
  WITH passages AS (
    SELECT s.event_id, s.list_id, s.gate, s.ticket_id, s.direction, s.scanned_at, s.scan_id
    FROM unnest(p_tickets) AS k(id)
    JOIN tickets t ON t.id = k.id AND t.status = 'valid'
    JOIN checkin_scans s ON s.ticket_id = k.id AND s.result = 'admitted'
    WHERE NOT EXISTS (SELECT 1 FROM checkin_annulments a WHERE a.scan_id = s.scan_id)
  ),
  per AS (
    SELECT DISTINCT ON (ticket_id, list_id) ticket_id, event_id, list_id,
           direction = 'entry' AS inside,
           bool_or(direction = 'entry') OVER (PARTITION BY ticket_id, list_id) AS entered
    FROM passages ORDER BY ticket_id, list_id, scanned_at DESC, scan_id DESC
  )
  SELECT ticket_id, event_id, 'event', NULL::uuid, NULL::text,
         bool_or(entered)::int, bool_or(inside)::int, 0
  FROM per GROUP BY ticket_id, event_id
  UNION ALL
  SELECT ticket_id, event_id, 'list', list_id, NULL, entered::int, inside::int, 0 FROM per
  UNION ALL
  SELECT ticket_id, event_id, 'gate', list_id, gate, bool_or(direction = 'entry')::int, 0,
         (count(*) FILTER (WHERE direction = 'exit'))::int
  FROM passages GROUP BY ticket_id, event_id, list_id, gate
$$;

-- Recounts these tickets. The ticket rows are locked first (FOR NO KEY UPDATE: a sale's foreign
-- keys are not blocked), so two transactions changing one ticket's passages take turns, and the
-- statements after the lock read a snapshot that holds the other's committed scans. Every writer
-- already holds its (ticket, list) state rows or the ticket row itself before it gets here.
CREATE FUNCTION checkin_recount(p_tickets uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(p_tickets) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM tickets WHERE id = ANY (p_tickets) ORDER BY id FOR NO KEY UPDATE;
  WITH old AS (DELETE FROM checkin_presence WHERE ticket_id = ANY (p_tickets) RETURNING *),
  new AS (INSERT INTO checkin_presence SELECT * FROM checkin_presence_of(p_tickets) RETURNING *),
  delta AS (
    SELECT event_id, kind, list_id, gate, (hashtext(ticket_id::text) & 7)::smallint AS slot,
           sum(admitted) AS admitted, sum(inside) AS inside, sum(exits) AS exits
    FROM (SELECT * FROM new
          UNION ALL
          SELECT ticket_id, event_id, kind, list_id, gate, -admitted, -inside, -exits FROM old) x
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(admitted) <> 0 OR sum(inside) <> 0 OR sum(exits) <> 0
  )
  -- In key order, so two recounts touching the same counter rows lock them in the same order.
  INSERT INTO checkin_counts AS c (event_id, kind, list_id, gate, slot, admitted, inside, exits)
  SELECT * FROM delta ORDER BY event_id, kind, list_id, gate, slot
  ON CONFLICT ON CONSTRAINT checkin_counts_key DO UPDATE
  SET admitted = c.admitted + EXCLUDED.admitted, inside = c.inside + EXCLUDED.inside,
      exits = c.exits + EXCLUDED.exits;
END $$;

CREATE FUNCTION checkin_counts_scans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM checkin_recount(ARRAY(
    SELECT DISTINCT ticket_id FROM new_rows WHERE result = 'admitted' AND ticket_id IS NOT NULL));
  RETURN NULL;
END $$;
CREATE FUNCTION checkin_counts_annulments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM checkin_recount(ARRAY(SELECT DISTINCT ticket_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION checkin_counts_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM checkin_recount(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.status = 'valid') <> (o.status = 'valid')));
  RETURN NULL;
END $$;
-- Statement triggers fire in name order: checkin_counts_scans takes the ticket's row lock before
-- report_scans_insert takes it FOR SHARE, never after (two scans holding it FOR SHARE, each
-- waiting to strengthen it, would deadlock).
CREATE TRIGGER checkin_counts_scans AFTER INSERT ON checkin_scans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION checkin_counts_scans();
CREATE TRIGGER checkin_counts_annulments AFTER INSERT ON checkin_annulments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION checkin_counts_annulments();
CREATE TRIGGER checkin_counts_tickets AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION checkin_counts_tickets();

-- Counts of the scans written before this migration.
INSERT INTO checkin_presence
SELECT * FROM checkin_presence_of(ARRAY(
  SELECT DISTINCT ticket_id FROM checkin_scans WHERE result = 'admitted' AND ticket_id IS NOT NULL));
INSERT INTO checkin_counts (event_id, kind, list_id, gate, slot, admitted, inside, exits)
SELECT event_id, kind, list_id, gate, (hashtext(ticket_id::text) & 7)::smallint,
       sum(admitted), sum(inside), sum(exits)
FROM checkin_presence GROUP BY 1, 2, 3, 4, 5;

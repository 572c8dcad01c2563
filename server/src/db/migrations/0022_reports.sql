-- Reports (features/reports): rollups kept exact with the writes, without a hot row.
--
-- A rollup row shared by every registration of an event (say: this hour, this ticket type) would
-- be locked by each writer until it commits, serializing a sale rush on it, and two writers that
-- lock it and a ticket type in opposite orders could deadlock. So writers only append: statement
-- triggers (transition tables, one INSERT per statement, grouped) write signed deltas into
-- *_deltas tables, which no one updates. A job folds deltas into the rollups (DELETE ... RETURNING
-- + upsert with +=, in one transaction, so a delta is counted in exactly one place at any
-- snapshot), and reports read rollup UNION ALL the deltas not yet folded: exact at every moment,
-- whatever the fold's lag.
--
-- Time slots: sales and refunds by 15 minutes (every time zone's offset is a multiple of 15
-- minutes, so a slot never straddles a local hour, day or week), scans by minute, all in UTC.

CREATE FUNCTION report_slot15(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
$$ SELECT to_timestamp(floor(extract(epoch FROM t) / 900) * 900) $$;

-- How an order came in: the public page or API (portal), an attendee import, or an access code
-- (a code without a discount, one that took seats from its reserve, or one unlocking a hidden type).
ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'portal'
  CHECK (channel IN ('portal', 'import', 'access_code'));

CREATE FUNCTION orders_set_channel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.channel = 'portal' AND NEW.promo_code_id IS NOT NULL AND (
       NEW.reserved_seats > 0
       OR EXISTS (SELECT 1 FROM promo_codes p WHERE p.id = NEW.promo_code_id AND p.discount_kind IS NULL)
       OR EXISTS (SELECT 1 FROM ticket_types t WHERE t.id = NEW.ticket_type_id AND t.hidden)) THEN
    NEW.channel := 'access_code';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER orders_channel BEFORE INSERT ON orders
  FOR EACH ROW WHEN (NEW.promo_code_id IS NOT NULL) EXECUTE FUNCTION orders_set_channel();

-- Orders: one row per (event, slot of the order's creation, type, channel, status, code).
-- promo_code_id is the nil uuid for orders without a code (a key column cannot be NULL).
CREATE TABLE report_orders (
  event_id uuid NOT NULL,
  slot timestamptz NOT NULL,
  ticket_type_id uuid NOT NULL,
  channel text NOT NULL,
  status text NOT NULL,
  promo_code_id uuid NOT NULL,
  orders bigint NOT NULL,
  tickets bigint NOT NULL,
  total_cents bigint NOT NULL,
  discount_cents bigint NOT NULL,
  refunded_cents bigint NOT NULL,
  PRIMARY KEY (event_id, slot, ticket_type_id, channel, status, promo_code_id)
);
CREATE TABLE report_order_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL,
  slot timestamptz NOT NULL,
  ticket_type_id uuid NOT NULL,
  channel text NOT NULL,
  status text NOT NULL,
  promo_code_id uuid NOT NULL,
  orders bigint NOT NULL,
  tickets bigint NOT NULL,
  total_cents bigint NOT NULL,
  discount_cents bigint NOT NULL,
  refunded_cents bigint NOT NULL
);
CREATE INDEX report_order_deltas_event ON report_order_deltas (event_id);

-- Answers of confirmed orders to choice and checkbox questions (free text is not counted).
CREATE TABLE report_answers (
  event_id uuid NOT NULL,
  question_id uuid NOT NULL,
  answer text NOT NULL,
  orders bigint NOT NULL,
  PRIMARY KEY (event_id, question_id, answer)
);
CREATE TABLE report_answer_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL,
  question_id uuid NOT NULL,
  answer text NOT NULL,
  orders bigint NOT NULL
);
CREATE INDEX report_answer_deltas_event ON report_answer_deltas (event_id);

CREATE FUNCTION report_orders_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH signed AS (
    SELECT 1 AS sign, n.* FROM new_rows n
    UNION ALL
    SELECT -1, o.* FROM old_rows o
  )
  INSERT INTO report_order_deltas (event_id, slot, ticket_type_id, channel, status, promo_code_id,
    orders, tickets, total_cents, discount_cents, refunded_cents)
  SELECT event_id, report_slot15(created_at), ticket_type_id, channel, status,
         coalesce(promo_code_id, '00000000-0000-0000-0000-000000000000'),
         sum(sign), sum(sign * quantity), sum(sign * total_cents), sum(sign * discount_cents),
         sum(sign * refunded_cents)
  FROM signed
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(sign) <> 0 OR sum(sign * quantity) <> 0 OR sum(sign * total_cents) <> 0
      OR sum(sign * discount_cents) <> 0 OR sum(sign * refunded_cents) <> 0;

  WITH signed AS (
    SELECT 1 AS sign, n.event_id, n.answers FROM new_rows n WHERE n.status = 'confirmed' AND n.answers <> '{}'
    UNION ALL
    SELECT -1, o.event_id, o.answers FROM old_rows o WHERE o.status = 'confirmed' AND o.answers <> '{}'
  )
  INSERT INTO report_answer_deltas (event_id, question_id, answer, orders)
  SELECT s.event_id, q.id, a.value, sum(s.sign)
  FROM signed s CROSS JOIN LATERAL jsonb_each_text(s.answers) a
  JOIN questions q ON q.id::text = a.key AND q.kind IN ('choice', 'checkbox')
  GROUP BY 1, 2, 3
  HAVING sum(s.sign) <> 0;
  RETURN NULL;
END $$;

-- An INSERT trigger has no old table, hence its own function.
CREATE FUNCTION report_orders_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_order_deltas (event_id, slot, ticket_type_id, channel, status, promo_code_id,
    orders, tickets, total_cents, discount_cents, refunded_cents)
  SELECT event_id, report_slot15(created_at), ticket_type_id, channel, status,
         coalesce(promo_code_id, '00000000-0000-0000-0000-000000000000'),
         count(*), sum(quantity), sum(total_cents), sum(discount_cents), sum(refunded_cents)
  FROM new_rows
  GROUP BY 1, 2, 3, 4, 5, 6;

  INSERT INTO report_answer_deltas (event_id, question_id, answer, orders)
  SELECT n.event_id, q.id, a.value, count(*)
  FROM new_rows n CROSS JOIN LATERAL jsonb_each_text(n.answers) a
  JOIN questions q ON q.id::text = a.key AND q.kind IN ('choice', 'checkbox')
  WHERE n.status = 'confirmed' AND n.answers <> '{}'
  GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;

CREATE TRIGGER report_orders_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_orders_inserted();
CREATE TRIGGER report_orders_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_orders_changed();

-- Refunds by the slot they were made in.
CREATE TABLE report_refunds (
  event_id uuid NOT NULL,
  slot timestamptz NOT NULL,
  refunds bigint NOT NULL,
  amount_cents bigint NOT NULL,
  PRIMARY KEY (event_id, slot)
);
CREATE TABLE report_refund_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL,
  slot timestamptz NOT NULL,
  refunds bigint NOT NULL,
  amount_cents bigint NOT NULL
);
CREATE INDEX report_refund_deltas_event ON report_refund_deltas (event_id);

CREATE FUNCTION report_refunds_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_refund_deltas (event_id, slot, refunds, amount_cents)
  SELECT o.event_id, report_slot15(r.created_at), count(*), sum(r.amount_cents)
  FROM new_rows r JOIN orders o ON o.id = r.order_id
  GROUP BY 1, 2;
  RETURN NULL;
END $$;
CREATE TRIGGER report_refunds_insert AFTER INSERT ON refunds
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_refunds_inserted();

-- Waitlist entries by ticket type and status.
CREATE TABLE report_waitlist (
  event_id uuid NOT NULL,
  ticket_type_id uuid NOT NULL,
  status text NOT NULL,
  entries bigint NOT NULL,
  PRIMARY KEY (event_id, ticket_type_id, status)
);
CREATE TABLE report_waitlist_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL,
  ticket_type_id uuid NOT NULL,
  status text NOT NULL,
  entries bigint NOT NULL
);
CREATE INDEX report_waitlist_deltas_event ON report_waitlist_deltas (event_id);

CREATE FUNCTION report_waitlist_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_waitlist_deltas (event_id, ticket_type_id, status, entries)
  SELECT event_id, ticket_type_id, status, count(*) FROM new_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
CREATE FUNCTION report_waitlist_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_waitlist_deltas (event_id, ticket_type_id, status, entries)
  SELECT event_id, ticket_type_id, status, sum(sign)
  FROM (SELECT 1 AS sign, event_id, ticket_type_id, status FROM new_rows
        UNION ALL SELECT -1, event_id, ticket_type_id, status FROM old_rows) s
  GROUP BY 1, 2, 3 HAVING sum(sign) <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER report_waitlist_insert AFTER INSERT ON waitlist_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_waitlist_inserted();
CREATE TRIGGER report_waitlist_update AFTER UPDATE ON waitlist_entries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_waitlist_changed();

-- Attendance: valid tickets by type, and how many of them were ever admitted (an entry).
-- report_admitted_tickets holds each ticket's first admission; its primary key decides which
-- scan was the first, so two gates admitting a ticket together count it once.
CREATE TABLE report_admitted_tickets (
  ticket_id uuid PRIMARY KEY,
  event_id uuid NOT NULL,
  first_admitted_at timestamptz NOT NULL
);
CREATE TABLE report_attendance (
  event_id uuid NOT NULL,
  ticket_type_id uuid NOT NULL,
  valid_tickets bigint NOT NULL,
  admitted_tickets bigint NOT NULL,
  PRIMARY KEY (event_id, ticket_type_id)
);
CREATE TABLE report_attendance_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL,
  ticket_type_id uuid NOT NULL,
  valid_tickets bigint NOT NULL,
  admitted_tickets bigint NOT NULL
);
CREATE INDEX report_attendance_deltas_event ON report_attendance_deltas (event_id);

CREATE FUNCTION report_tickets_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_attendance_deltas (event_id, ticket_type_id, valid_tickets, admitted_tickets)
  SELECT event_id, ticket_type_id, count(*), 0 FROM new_rows WHERE status = 'valid' GROUP BY 1, 2;
  RETURN NULL;
END $$;
-- A ticket that leaves or regains 'valid' moves its admission with it. The admitted-tickets
-- lookup is a fresh snapshot taken after this UPDATE got the ticket's row lock, and an admission
-- holds that row FOR SHARE until it commits, so the two never miss each other.
CREATE FUNCTION report_tickets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_attendance_deltas (event_id, ticket_type_id, valid_tickets, admitted_tickets)
  SELECT s.event_id, s.ticket_type_id, sum(s.sign),
         coalesce(sum(s.sign) FILTER (WHERE a.ticket_id IS NOT NULL), 0)
  FROM (SELECT 1 AS sign, id, event_id, ticket_type_id FROM new_rows WHERE status = 'valid'
        UNION ALL
        SELECT -1, id, event_id, ticket_type_id FROM old_rows WHERE status = 'valid') s
  LEFT JOIN report_admitted_tickets a ON a.ticket_id = s.id
  GROUP BY 1, 2 HAVING sum(s.sign) <> 0 OR coalesce(sum(s.sign) FILTER (WHERE a.ticket_id IS NOT NULL), 0) <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER report_tickets_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tickets_inserted();
CREATE TRIGGER report_tickets_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_tickets_changed();

-- The door: scans per minute, list, gate (''), device (nil uuid), direction and outcome.
CREATE TABLE report_door_minutes (
  event_id uuid NOT NULL,
  minute timestamptz NOT NULL,
  list_id uuid NOT NULL,
  gate text NOT NULL,
  device_id uuid NOT NULL,
  direction text NOT NULL,
  admitted boolean NOT NULL,
  scans bigint NOT NULL,
  PRIMARY KEY (event_id, minute, list_id, gate, device_id, direction, admitted)
);
CREATE TABLE report_door_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL,
  minute timestamptz NOT NULL,
  list_id uuid NOT NULL,
  gate text NOT NULL,
  device_id uuid NOT NULL,
  direction text NOT NULL,
  admitted boolean NOT NULL,
  scans bigint NOT NULL
);
CREATE INDEX report_door_deltas_event ON report_door_deltas (event_id);

CREATE FUNCTION report_scans_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_door_deltas (event_id, minute, list_id, gate, device_id, direction, admitted, scans)
  SELECT event_id, date_trunc('minute', scanned_at), list_id, coalesce(gate, ''),
         coalesce(device_id, '00000000-0000-0000-0000-000000000000'), direction, result = 'admitted',
         count(*)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7;

  WITH firsts AS (
    INSERT INTO report_admitted_tickets (ticket_id, event_id, first_admitted_at)
    SELECT DISTINCT ON (ticket_id) ticket_id, event_id, scanned_at FROM new_rows
    WHERE result = 'admitted' AND direction = 'entry' AND ticket_id IS NOT NULL
    ORDER BY ticket_id, scanned_at
    ON CONFLICT (ticket_id) DO NOTHING
    RETURNING ticket_id
  ), held AS (
    SELECT t.event_id, t.ticket_type_id FROM tickets t
    WHERE t.id IN (SELECT ticket_id FROM firsts) AND t.status = 'valid'
    FOR SHARE
  )
  INSERT INTO report_attendance_deltas (event_id, ticket_type_id, valid_tickets, admitted_tickets)
  SELECT event_id, ticket_type_id, 0, count(*) FROM held GROUP BY 1, 2;
  RETURN NULL;
END $$;
CREATE TRIGGER report_scans_insert AFTER INSERT ON checkin_scans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_scans_inserted();

-- Rows written before this migration.
UPDATE orders o SET channel = 'import' FROM ticket_history h, tickets t
WHERE t.order_id = o.id AND h.ticket_id = t.id AND h.details ->> 'source' = 'import';
INSERT INTO report_orders
SELECT event_id, report_slot15(created_at), ticket_type_id, channel, status,
       coalesce(promo_code_id, '00000000-0000-0000-0000-000000000000'),
       count(*), sum(quantity), sum(total_cents), sum(discount_cents), sum(refunded_cents)
FROM orders GROUP BY 1, 2, 3, 4, 5, 6;
DELETE FROM report_order_deltas;
INSERT INTO report_answers
SELECT o.event_id, q.id, a.value, count(*)
FROM orders o CROSS JOIN LATERAL jsonb_each_text(o.answers) a
JOIN questions q ON q.id::text = a.key AND q.kind IN ('choice', 'checkbox')
WHERE o.status = 'confirmed' GROUP BY 1, 2, 3;
DELETE FROM report_answer_deltas;
INSERT INTO report_refunds
SELECT o.event_id, report_slot15(r.created_at), count(*), sum(r.amount_cents)
FROM refunds r JOIN orders o ON o.id = r.order_id GROUP BY 1, 2;
INSERT INTO report_waitlist
SELECT event_id, ticket_type_id, status, count(*) FROM waitlist_entries GROUP BY 1, 2, 3;
INSERT INTO report_admitted_tickets
SELECT DISTINCT ON (ticket_id) ticket_id, event_id, scanned_at FROM checkin_scans
WHERE result = 'admitted' AND direction = 'entry' AND ticket_id IS NOT NULL
ORDER BY ticket_id, scanned_at;
INSERT INTO report_attendance
SELECT t.event_id, t.ticket_type_id, count(*), count(a.ticket_id)
FROM tickets t LEFT JOIN report_admitted_tickets a ON a.ticket_id = t.id
WHERE t.status = 'valid' GROUP BY 1, 2;
INSERT INTO report_door_minutes
SELECT event_id, date_trunc('minute', scanned_at), list_id, coalesce(gate, ''),
       coalesce(device_id, '00000000-0000-0000-0000-000000000000'), direction, result = 'admitted',
       count(*)
FROM checkin_scans GROUP BY 1, 2, 3, 4, 5, 6, 7;

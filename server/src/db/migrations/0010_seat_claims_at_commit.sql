-- Seats taken at COMMIT (features/registration/capacity.ts, claimSeatsAtCommit).
-- A registration inserts a claim; this deferred trigger takes the seats with the same conditional
-- UPDATEs as takeSeats, quotas in id order and the ticket type last, while the transaction commits.
-- The hot ticket type's row is then locked only inside PostgreSQL's own commit, never across a
-- round trip to the application, which is what a sale rush on one ticket type waits for.
-- The claim row is deleted once its seats are taken: the table holds nothing between commits.
CREATE TABLE seat_claims (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_type_id uuid NOT NULL REFERENCES ticket_types (id),
  seats integer NOT NULL CHECK (seats >= 1),
  state text NOT NULL CHECK (state IN ('sold', 'held'))
);

CREATE FUNCTION take_claimed_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  quota uuid;
BEGIN
  FOR quota IN
    SELECT qt.quota_id FROM quota_ticket_types qt JOIN quotas q ON q.id = qt.quota_id
    WHERE qt.ticket_type_id = NEW.ticket_type_id AND q.archived_at IS NULL
    ORDER BY qt.quota_id
  LOOP
    UPDATE quotas SET used = used + NEW.seats, updated_at = now()
    WHERE id = quota AND used + NEW.seats <= size;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'sold out: quota % is full', quota USING ERRCODE = 'LYSLD';
    END IF;
  END LOOP;
  IF NEW.state = 'sold' THEN
    UPDATE ticket_types SET sold = sold + NEW.seats
    WHERE id = NEW.ticket_type_id AND sold + held + NEW.seats <= quantity;
  ELSE
    UPDATE ticket_types SET held = held + NEW.seats
    WHERE id = NEW.ticket_type_id AND sold + held + NEW.seats <= quantity;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'sold out: ticket type % is full', NEW.ticket_type_id USING ERRCODE = 'LYSLD';
  END IF;
  DELETE FROM seat_claims WHERE id = NEW.id;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER seat_claims_take AFTER INSERT ON seat_claims
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION take_claimed_seats();

-- A cheaper registration (features/registration): fewer statements and less work per ticket.

-- Seats a buyer could take now: the ticket type's own free seats, bounded by each of its live
-- quotas. capacity.ts (availableSeats) and a sale's first read (store.ts, loadSaleContext) both
-- ask this; a SQL function returning a table is inlined into the caller's plan, so it costs no
-- more than writing the query out.
CREATE FUNCTION available_seats(type_ids uuid[])
RETURNS TABLE (ticket_type_id uuid, available integer)
LANGUAGE sql STABLE AS $$
  SELECT tt.id,
         GREATEST(0, LEAST(tt.quantity - tt.sold - tt.held,
                           coalesce(min(q.size - q.used), tt.quantity - tt.sold - tt.held)))::int
  FROM ticket_types tt
  LEFT JOIN quota_ticket_types qt ON qt.ticket_type_id = tt.id
  LEFT JOIN quotas q ON q.id = qt.quota_id AND q.archived_at IS NULL
  WHERE tt.id = ANY (type_ids)
  GROUP BY tt.id
$$;

-- tickets_event_id (event_id, id) answers every lookup by event this index answered; each ticket
-- written paid for both.
DROP INDEX tickets_event;

-- A seat claim lives only until its own COMMIT, whose trigger updates the ticket type by id and
-- fails the sale when it finds none. The foreign key added nothing but a share lock on the ticket
-- type's row, the hottest row of a rush, taken again after every sale that changed it.
ALTER TABLE seat_claims DROP CONSTRAINT seat_claims_ticket_type_id_fkey;

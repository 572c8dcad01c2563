-- Ticket access: hidden ticket types, and promo codes grown into access codes (issue 14).

-- A hidden type is left out of the public page and refused at registration unless an access
-- code that names it comes with the order.
ALTER TABLE ticket_types ADD COLUMN hidden boolean NOT NULL DEFAULT false;

-- An access code may only unlock (no discount), and may hold a block of seats for a partner:
-- reserved_seats are taken from the type and its quotas as held when the code is created, so the
-- public can never buy them; reserve_left of them are not yet used by an order.
ALTER TABLE promo_codes
  ALTER COLUMN discount_kind DROP NOT NULL,
  ALTER COLUMN discount_value DROP NOT NULL,
  ADD COLUMN reserved_seats integer NOT NULL DEFAULT 0 CHECK (reserved_seats >= 0),
  ADD COLUMN reserve_left integer NOT NULL DEFAULT 0 CHECK (reserve_left >= 0),
  -- Made by bulk generation: not part of an event file, so `lanyard apply` leaves them alone.
  ADD COLUMN generated boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT promo_codes_discount_both CHECK ((discount_kind IS NULL) = (discount_value IS NULL)),
  ADD CONSTRAINT promo_codes_reserve_within CHECK (reserve_left <= reserved_seats),
  -- A reserve is taken from one ticket type.
  ADD CONSTRAINT promo_codes_reserve_one_type
    CHECK (reserved_seats = 0 OR cardinality(ticket_type_ids) = 1);

-- Seats the order took from its code's reserve (0 or its quantity); they go back to the reserve
-- when the order is cancelled or expires.
ALTER TABLE orders ADD COLUMN reserved_seats integer NOT NULL DEFAULT 0 CHECK (reserved_seats >= 0);

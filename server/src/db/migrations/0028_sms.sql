-- SMS (issue 13): an event may ask for the attendee's phone (off, optional, required), parse
-- national numbers with a default region, and send some message kinds by SMS as well as by mail.
ALTER TABLE events
  ADD COLUMN attendee_phone text NOT NULL DEFAULT 'off'
    CHECK (attendee_phone IN ('off', 'optional', 'required')),
  ADD COLUMN phone_region text CHECK (phone_region ~ '^[A-Z]{2}$'),
  ADD COLUMN sms_kinds text[] NOT NULL DEFAULT '{}';

-- The buyer's phone in E.164, and whether they agreed to get SMS about this order.
ALTER TABLE orders
  ADD COLUMN attendee_phone text,
  ADD COLUMN sms_opt_in boolean NOT NULL DEFAULT false;

-- The same for a place on the waitlist (its joined, offer and expiry messages).
ALTER TABLE waitlist_entries
  ADD COLUMN attendee_phone text,
  ADD COLUMN sms_opt_in boolean NOT NULL DEFAULT false;

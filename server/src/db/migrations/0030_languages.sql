-- Languages (issue 14): the languages an event's portal, messages and kiosk speak, the first its
-- default; and the language a buyer (or a person on the waitlist) chose, their messages' language.
ALTER TABLE events
  ADD COLUMN languages text[] NOT NULL DEFAULT '{en}' CHECK (cardinality(languages) >= 1);

ALTER TABLE orders ADD COLUMN locale text;

ALTER TABLE waitlist_entries ADD COLUMN locale text;

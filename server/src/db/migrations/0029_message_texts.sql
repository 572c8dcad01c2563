-- An event's own subject and intro for a kind of attendee message, in one language (issue 13).
-- Either may be left to the catalog; a row with neither is deleted instead.
CREATE TABLE message_texts (
  event_id uuid NOT NULL REFERENCES events (id),
  kind text NOT NULL,
  lang text NOT NULL,
  subject text,
  intro text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, kind, lang),
  CHECK (subject IS NOT NULL OR intro IS NOT NULL)
);

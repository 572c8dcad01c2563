-- Session scheduling (issue 17): the draft program of an event in tables, releases frozen as
-- JSON. Times are UTC instants; the event's timezone applies only when they are shown.

-- Sessions, slots and speakers get small numbers from one sequence: the frab/pretalx export
-- needs integer ids unique across a schedule's events and persons.
CREATE SEQUENCE schedule_numbers;

CREATE TABLE schedule_rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  name text NOT NULL,
  capacity integer CHECK (capacity >= 0),
  -- [{start, end}] of UTC instants; empty: always available.
  availability jsonb NOT NULL DEFAULT '[]',
  -- {roomId: minutes} to walk from this room to another.
  travel_minutes jsonb NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0,
  UNIQUE (event_id, name)
);

CREATE TABLE schedule_tracks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  name text NOT NULL,
  color text,
  UNIQUE (event_id, name)
);

CREATE TABLE schedule_speakers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  number bigint NOT NULL DEFAULT nextval('schedule_numbers'),
  name text NOT NULL,
  bio text,
  email text,
  availability jsonb NOT NULL DEFAULT '[]',
  -- The person's code in an imported pretalx/frab schedule, so a second import updates.
  external_id text,
  UNIQUE (event_id, external_id)
);

CREATE TABLE schedule_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  number bigint NOT NULL DEFAULT nextval('schedule_numbers'),
  title text NOT NULL,
  abstract text,
  kind text NOT NULL DEFAULT 'talk',
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  -- In order of billing; the service refuses ids that are not speakers of the event.
  speaker_ids uuid[] NOT NULL DEFAULT '{}',
  track_id uuid REFERENCES schedule_tracks (id) ON DELETE SET NULL,
  language text,
  signup_capacity integer CHECK (signup_capacity >= 0),
  status text NOT NULL DEFAULT 'unconfirmed'
    CHECK (status IN ('unconfirmed', 'confirmed', 'cancelled')),
  external_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, external_id)
);

CREATE TABLE schedule_slots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id),
  number bigint NOT NULL DEFAULT nextval('schedule_numbers'),
  kind text NOT NULL CHECK (kind IN ('session', 'break', 'blocker')),
  session_id uuid REFERENCES schedule_sessions (id) ON DELETE CASCADE,
  -- A slot left without a room shows on the release checklist.
  room_id uuid REFERENCES schedule_rooms (id) ON DELETE SET NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  title text,
  CHECK (starts_at < ends_at),
  CHECK ((kind = 'session') = (session_id IS NOT NULL))
);
CREATE INDEX schedule_slots_event ON schedule_slots (event_id, starts_at);
CREATE INDEX schedule_slots_session ON schedule_slots (session_id);

-- Per-event severity of each conflict kind (block / warn / ignore); missing kinds: defaults.
CREATE TABLE schedule_settings (
  event_id uuid PRIMARY KEY REFERENCES events (id),
  severities jsonb NOT NULL DEFAULT '{}'
);

-- Release N of an event: the draft as it was, the diff against N-1 and the calendar feed's
-- state (SEQUENCE per session, cancelled sessions). Written once, never changed.
CREATE TABLE schedule_releases (
  event_id uuid NOT NULL REFERENCES events (id),
  version integer NOT NULL CHECK (version > 0),
  comment text NOT NULL,
  program jsonb NOT NULL,
  diff jsonb NOT NULL,
  feed jsonb NOT NULL,
  released_by text NOT NULL,
  released_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, version)
);

CREATE FUNCTION schedule_releases_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'schedule releases are immutable' USING ERRCODE = 'raise_exception';
END $$;
CREATE TRIGGER schedule_releases_no_change BEFORE UPDATE OR DELETE ON schedule_releases
  FOR EACH ROW EXECUTE FUNCTION schedule_releases_immutable();

-- Attendees (by ticket; the order's access key opens them) mark sessions and sign up for
-- limited ones. signups_taken grows only by a conditional UPDATE against signup_capacity.
ALTER TABLE schedule_sessions ADD COLUMN signups_taken integer NOT NULL DEFAULT 0
  CHECK (signups_taken >= 0);

CREATE TABLE schedule_favourites (
  session_id uuid NOT NULL REFERENCES schedule_sessions (id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, ticket_id)
);

CREATE TABLE schedule_signups (
  session_id uuid NOT NULL REFERENCES schedule_sessions (id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
  -- Order of arrival, for the waitlist.
  position bigint NOT NULL DEFAULT nextval('schedule_numbers'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, ticket_id)
);
CREATE INDEX schedule_signups_ticket ON schedule_signups (ticket_id);
CREATE INDEX schedule_favourites_ticket ON schedule_favourites (ticket_id);

-- Attendee search by whole words (features/attendee-search). A query word is looked up among the
-- distinct words of all attendee names (a small table) with a typo allowed, and the tickets
-- holding the words found come from a GIN index over each name's words. Trigram matching
-- over 1 000 000 names (0008) had to walk posting lists of hundreds of thousands of rows; it stays
-- as the fallback for queries no word lookup answers.

-- A name's words: runs of letters, lowercase, accents folded, so "Müller" is found as "muller".
CREATE FUNCTION attendee_name_words(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_remove(regexp_split_to_array(translate(lower(name),
    'àáâãäåāăąæçćčďđèéêëēėęěìíîïīįıłñńňòóôõöøōőœŕřśšşșțťùúûüūůűųýÿźżžß',
    'aaaaaaaaaaccddeeeeeeeeiiiiiiilnnnoooooooooorrssssttuuuuuuuuyyzzzs'), '[^[:alpha:]]+'), '')
$$;

CREATE INDEX tickets_attendee_name_words ON tickets USING gin (attendee_name_words(attendee_name));

-- Every word of every attendee name ever written, under itself and under each of its one-letter
-- deletions: a query word and its deletions find the words one typo away (a letter dropped,
-- added, replaced, or two swapped share a deletion) with a few lookups rather than hundreds
-- (symmetric deletion, as in SymSpell). A word whose tickets changed name stays; it only costs a
-- lookup that finds no ticket.
CREATE FUNCTION attendee_word_keys(word text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT word UNION
  SELECT left(word, i - 1) || substr(word, i + 1) FROM generate_series(1, length(word)) AS i
  WHERE length(word) > 1
$$;
CREATE TABLE attendee_name_words (
  key text NOT NULL,
  word text NOT NULL,
  PRIMARY KEY (key, word)
);
INSERT INTO attendee_name_words
  SELECT DISTINCT k, w FROM tickets, unnest(attendee_name_words(attendee_name)) AS w,
    attendee_word_keys(w) AS k
  ON CONFLICT DO NOTHING;

-- Triggers keep it whole in the writer's own transaction: once per statement for inserts (an
-- import writes thousands of tickets at once), and per row only when a name changes (a check-in
-- updates a ticket without touching its name). New keys go in sorted, so two writers of the
-- same new words wait for each other in one order instead of deadlocking.
-- A word already listed under itself was listed with all its deletions by the same statement, so
-- only words never seen get their deletions generated: in a sale rush most names are known.
CREATE FUNCTION attendee_name_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO attendee_name_words
    SELECT DISTINCT k, w
    FROM (SELECT DISTINCT w FROM new_tickets, unnest(attendee_name_words(attendee_name)) AS w) AS fresh,
      attendee_word_keys(w) AS k
    WHERE NOT EXISTS (SELECT 1 FROM attendee_name_words x WHERE x.key = w AND x.word = w)
    ORDER BY 1, 2 ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER tickets_name_words_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_tickets
  FOR EACH STATEMENT EXECUTE FUNCTION attendee_name_words_inserted();

CREATE FUNCTION attendee_name_words_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO attendee_name_words
    SELECT DISTINCT k, w FROM unnest(attendee_name_words(NEW.attendee_name)) AS w,
      attendee_word_keys(w) AS k
    ORDER BY 1, 2 ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER tickets_name_words_rename AFTER UPDATE OF attendee_name ON tickets
  FOR EACH ROW WHEN (OLD.attendee_name IS DISTINCT FROM NEW.attendee_name)
  EXECUTE FUNCTION attendee_name_words_renamed();

-- Webhook claims per endpoint (features/webhooks/dispatch-store.ts): each enabled endpoint's due
-- messages in order, read by an index instead of ranking every due message of every endpoint on
-- each claim (which made a backlog of 2 000 cost ~200 ms a claim, capping delivery at ~70/s).
-- Replaces the index on due time alone, which nothing else reads.
--
-- Locks: CREATE INDEX holds a SHARE lock on webhook_messages while it builds, so fan-out and
-- recorded attempts wait for it; the build reads the whole table (30 days of messages; about a
-- second per million rows on the CI machine), though it indexes pending messages only.
CREATE INDEX webhook_messages_endpoint_due ON webhook_messages (endpoint_id, next_attempt_at, id)
  WHERE state = 'pending';
DROP INDEX webhook_messages_due;

// The queue's first PostgreSQL schema: the same tables and columns as SQLite's schema 6 (./schema.ts), so both
// backends store and answer alike, plus what several machines need: an insertion order (seq, SQLite's rowid), a lease
// per claim (lease_until), and the shared rate-limit windows (one row per bucket and window). Times are milliseconds
// since the epoch (bigint) from the store's clock, as on SQLite. Released: never edit, add a new migration instead.
export const MESSAGES_SQL = `
CREATE TABLE snapshots (
  hash text PRIMARY KEY,
  -- The JSON text exactly as hashed, so a resend is byte-for-byte the same.
  data text NOT NULL
);
CREATE TABLE attachments (
  hash text PRIMARY KEY,
  file_name text NOT NULL,
  content bytea NOT NULL
);
CREATE TABLE messages (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email','sms')),
  status text NOT NULL CHECK (status IN ('queued','sending','sent','retrying','failed','cancelled')),
  origin text NOT NULL,
  guide text NOT NULL,
  area text,
  options jsonb NOT NULL DEFAULT '{}',
  to_address text,
  to_name text,
  recipient_key text,
  to_masked text NOT NULL,
  idempotency_key text,
  request_digest text,
  api_client text,
  message_id text NOT NULL UNIQUE,
  render_hash text REFERENCES snapshots (hash),
  attachment_hash text REFERENCES attachments (hash),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  last_response_code integer,
  delivered_to text,
  provider_id text,
  receipt_status text,
  receipt_at bigint,
  created_at bigint NOT NULL,
  next_attempt_at bigint NOT NULL,
  claimed_by text,
  claimed_at bigint,
  -- Until when the claimer holds it without renewing (claimed_at + the claimer's lease).
  lease_until bigint,
  sent_at bigint,
  finished_at bigint,
  cancelled_by text,
  purged_at bigint
);
CREATE UNIQUE INDEX messages_idempotency ON messages (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX messages_due ON messages (next_attempt_at, seq) WHERE status IN ('queued','retrying');
CREATE INDEX messages_leases ON messages (lease_until) WHERE status = 'sending';
CREATE INDEX messages_recipient ON messages (recipient_key, created_at) WHERE recipient_key IS NOT NULL;
CREATE INDEX messages_finished ON messages (finished_at) WHERE to_address IS NOT NULL;
CREATE UNIQUE INDEX messages_provider ON messages (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX messages_awaiting ON messages (channel, sent_at) WHERE status = 'sent' AND finished_at IS NULL;
CREATE INDEX messages_newest ON messages (created_at DESC, seq DESC);
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_ms bigint NOT NULL,
  window_start bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (bucket, window_ms, window_start)
);
-- One row: how many purges erased something, and up to which of them the table was rewritten (see postgresPurge.ts).
CREATE TABLE queue_scrub (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  erased_gen bigint NOT NULL DEFAULT 0,
  scrubbed_gen bigint NOT NULL DEFAULT 0
);
INSERT INTO queue_scrub DEFAULT VALUES;
`

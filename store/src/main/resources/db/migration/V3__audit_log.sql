-- custodiet schema, version 3: the decision log. Every change to the knowledge base, by a person or
-- a job, is one row here, chained by hash to the row before it (docs/curation.md). Rows are only
-- ever appended; `custodiet audit verify` recomputes the chain.
--
-- recorded_at is ISO-8601 text, not a TIMESTAMP, so the hashed value reads back byte for byte on
-- every database. seq is assigned by the appender (1, 2, 3, ...) so a deleted row leaves a gap.
CREATE TABLE audit_entry (
  seq BIGINT PRIMARY KEY CHECK (seq >= 1),
  recorded_at VARCHAR(40) NOT NULL,
  actor VARCHAR(200) NOT NULL,
  action VARCHAR(40) NOT NULL,
  subject_type VARCHAR(40) NOT NULL,
  subject_id VARCHAR(300) NOT NULL,
  reason VARCHAR(4000),
  detail VARCHAR(1000000) NOT NULL,
  previous_hash VARCHAR(64) NOT NULL CHECK (LENGTH(previous_hash) = 64),
  entry_hash VARCHAR(64) NOT NULL CHECK (LENGTH(entry_hash) = 64)
);

CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id);

-- The head of the chain, one row. Appenders lock it (SELECT ... FOR UPDATE) so that appends from
-- several processes are serialised, and it lets verify notice a log truncated at its end.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL CHECK (seq >= 0),
  entry_hash VARCHAR(64) NOT NULL CHECK (LENGTH(entry_hash) = 64)
);

INSERT INTO audit_head (id, seq, entry_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

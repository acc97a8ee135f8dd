-- custodiet schema, version 5: curator decisions on candidate claims (docs/curation.md, "Review").
-- Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

-- One row per decided candidate, written in the same transaction as the conditional update of
-- candidate_claim.status that wins the decision. 'merged' candidates were the same claim as
-- another candidate or an existing claim: merged_into_candidate names the candidate they follow
-- (their document becomes evidence when that one is accepted), or they were added to claims
-- directly (listed in decision_claim).
CREATE TABLE candidate_decision (
  candidate_id BIGINT PRIMARY KEY REFERENCES candidate_claim (id),
  decision VARCHAR(10) NOT NULL CHECK (decision IN ('accepted', 'rejected', 'merged')),
  merged_into_candidate BIGINT REFERENCES candidate_claim (id),
  actor VARCHAR(200) NOT NULL,
  reason VARCHAR(4000),
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
  audit_seq BIGINT NOT NULL,
  CHECK (decision <> 'rejected' OR reason IS NOT NULL)
);

CREATE INDEX candidate_decision_merged_idx ON candidate_decision (merged_into_candidate);

-- The claims a decision created or added evidence to: how a claim's history finds the candidates
-- behind it.
CREATE TABLE decision_claim (
  candidate_id BIGINT NOT NULL REFERENCES candidate_claim (id),
  claim_id VARCHAR(300) NOT NULL REFERENCES claim (id),
  created BOOLEAN NOT NULL,
  PRIMARY KEY (candidate_id, claim_id)
);

CREATE INDEX decision_claim_claim_idx ON decision_claim (claim_id);

-- Rejected evidence, remembered so that the same sentence about the same supplier, country and
-- technology, read again in a re-ingested or syndicated copy, is not proposed again. fingerprint
-- is the SHA-256 of the normalised span text with those three fields (SpanFingerprint).
CREATE TABLE rejected_span (
  fingerprint VARCHAR(64) PRIMARY KEY CHECK (LENGTH(fingerprint) = 64),
  candidate_id BIGINT NOT NULL REFERENCES candidate_claim (id),
  reason VARCHAR(4000) NOT NULL,
  actor VARCHAR(200) NOT NULL,
  rejected_at TIMESTAMP WITH TIME ZONE NOT NULL
);

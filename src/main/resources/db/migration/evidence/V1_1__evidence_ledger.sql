-- The evidence ledger: append-only, hash-chained. See io.soc2ops.evidence.
CREATE TABLE evidence_entry (
    sequence      BIGINT                   NOT NULL PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence_for  DATE                     NOT NULL,
    action        VARCHAR(100)             NOT NULL,
    actor         VARCHAR(120)             NOT NULL,
    module        VARCHAR(50)              NOT NULL,
    subject       VARCHAR(300)             NOT NULL,
    payload       TEXT                     NOT NULL,
    previous_hash VARCHAR(64)                 NOT NULL,
    hash          VARCHAR(64)                 NOT NULL
);

CREATE INDEX evidence_entry_subject ON evidence_entry (subject, sequence);
CREATE INDEX evidence_entry_evidence_for ON evidence_entry (evidence_for);

-- One row: the last sequence and hash. Appends lock it, so the chain never forks, and
-- verification compares it with the chain's end, so removing the newest entries shows.
CREATE TABLE evidence_head (
    id       INT      NOT NULL PRIMARY KEY,
    sequence BIGINT   NOT NULL,
    hash     VARCHAR(64) NOT NULL
);

INSERT INTO evidence_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

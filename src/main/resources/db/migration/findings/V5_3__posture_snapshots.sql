-- One posture snapshot per day: what the findings said about each Security Hub control,
-- per account and region, so readiness on any day of an audit period can be replayed.
-- A past day's snapshot is never rewritten; only today's is replaced when taken again.
CREATE TABLE posture_snapshot (
    snapshot_day      DATE                     NOT NULL PRIMARY KEY,
    -- TAKEN (from the findings as they stood), REPLAYED (from finding_history, exact),
    -- DEMO (the demo's findings dated by their UpdatedAt)
    source            VARCHAR(16)              NOT NULL,
    taken_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    catalog_version   VARCHAR(200)             NOT NULL,
    controls          INT                      NOT NULL,
    failing_resources BIGINT                   NOT NULL,
    ledger_sequence   BIGINT                   NOT NULL
);

CREATE TABLE posture_snapshot_count (
    snapshot_day        DATE        NOT NULL,
    security_control_id VARCHAR(64) NOT NULL,
    account_id          VARCHAR(12) NOT NULL,
    region              VARCHAR(32) NOT NULL,
    failing_resources   BIGINT      NOT NULL,
    passing_resources   BIGINT      NOT NULL,
    PRIMARY KEY (snapshot_day, security_control_id, account_id, region)
);


-- the same summed over accounts and regions: what replaying readiness over a period reads
CREATE TABLE posture_snapshot_control (
    snapshot_day        DATE        NOT NULL,
    security_control_id VARCHAR(64) NOT NULL,
    failing_resources   BIGINT      NOT NULL,
    passing_resources   BIGINT      NOT NULL,
    PRIMARY KEY (snapshot_day, security_control_id)
);

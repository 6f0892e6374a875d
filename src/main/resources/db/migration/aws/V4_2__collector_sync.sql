-- Where each collector got to per account and Region: the next run asks AWS only for what
-- changed since the last success. A failure keeps the last success and says why.
CREATE TABLE collector_sync (
    account_id      VARCHAR(12)                 NOT NULL,
    region          VARCHAR(32)              NOT NULL,
    collector       VARCHAR(40)              NOT NULL,
    last_success_at TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    PRIMARY KEY (account_id, region, collector)
);

-- The latest connection check of each account and Region, for the AWS page.
CREATE TABLE aws_connection_check (
    account_id  VARCHAR(12)                 NOT NULL,
    region      VARCHAR(32)              NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    calls       VARCHAR(500)             NOT NULL,
    message     VARCHAR(1000)            NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, region)
);

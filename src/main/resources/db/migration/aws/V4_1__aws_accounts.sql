CREATE TABLE aws_account (
    account_id  VARCHAR(12)                 NOT NULL PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    environment VARCHAR(20)              NOT NULL,
    regions     VARCHAR(500)             NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

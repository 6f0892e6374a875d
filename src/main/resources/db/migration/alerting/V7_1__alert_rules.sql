-- Alert rules: EventBridge event patterns matched against each finding of an incoming event.
-- The name is the rule's identity (as in EventBridge: 1-64 of A-Z a-z 0-9 . _ -) and never changes;
-- version counts the rule's changes, so SUM(version) over all rules changes with every change.
CREATE TABLE alert_rule (
    name           VARCHAR(64)              NOT NULL PRIMARY KEY,
    pattern        VARCHAR(4096)            NOT NULL,
    severity_floor VARCHAR(16)              NOT NULL,
    enabled        BOOLEAN                  NOT NULL,
    version        INTEGER                  NOT NULL,
    created_by     VARCHAR(110)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     VARCHAR(110)             NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where a rule's alerts go, in order; routes themselves are defined elsewhere and named here.
CREATE TABLE alert_rule_route (
    rule_name  VARCHAR(64) NOT NULL,
    position   INTEGER     NOT NULL,
    route_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (rule_name, position),
    CONSTRAINT alert_rule_route_rule FOREIGN KEY (rule_name) REFERENCES alert_rule (name)
);

-- One alert per (event, finding, rule): the idempotency key is the SHA-256 of the three, so the
-- same event delivered twice raises nothing new.
CREATE TABLE alert (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    idempotency_key   VARCHAR(64)              NOT NULL,
    event_id          VARCHAR(128)             NOT NULL,
    rule_name         VARCHAR(64)              NOT NULL,
    severity          VARCHAR(16)              NOT NULL,
    product_name      VARCHAR(128)             NOT NULL,
    finding_key       VARCHAR(64)              NOT NULL,
    finding_id        VARCHAR(512)             NOT NULL,
    title             VARCHAR(1024)            NOT NULL,
    finding_type      VARCHAR(512)             NOT NULL,
    account_id        VARCHAR(12)              NOT NULL,
    region            VARCHAR(32)              NOT NULL,
    resource_type     VARCHAR(256)             NOT NULL,
    resource_id       VARCHAR(1024)            NOT NULL,
    first_observed_at TIMESTAMP WITH TIME ZONE,
    last_observed_at  TIMESTAMP WITH TIME ZONE,
    raised_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    channel           VARCHAR(16)              NOT NULL,
    CONSTRAINT alert_idempotency UNIQUE (idempotency_key)
);

CREATE INDEX alert_raised ON alert (raised_at, id);
CREATE INDEX alert_rule_raised ON alert (rule_name, raised_at);

-- The access module's Slack messages (approvers' notices, unapproved-access announcements,
-- review reminders), kept until their route takes them.
-- topic: REQUEST_NOTICE | UNAPPROVED | REVIEW_REMINDER. subject: the ledger subject of its
-- delivery and death (e.g. access-request:12); details: that entry's other fields (JSON).
-- dedupe_key: a second message with the same key is refused (one reminder per reviewer and
-- day, one announcement per reconciliation run and route); NULL: none.
-- state: PENDING (waiting, or claimed until lease_until), DELIVERED or DEAD.
CREATE TABLE access_message (
    id VARCHAR(36) PRIMARY KEY,
    topic VARCHAR(32) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    route_name VARCHAR(64) NOT NULL,
    payload TEXT NOT NULL,
    details TEXT NOT NULL,
    dedupe_key VARCHAR(200),
    state VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claim_id VARCHAR(36),
    lease_until TIMESTAMP WITH TIME ZONE,
    last_error VARCHAR(1024),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX access_message_dedupe ON access_message (dedupe_key);
CREATE INDEX access_message_due ON access_message (state, next_attempt_at);

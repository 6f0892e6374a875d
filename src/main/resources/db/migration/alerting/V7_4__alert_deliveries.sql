-- The delivery outbox: one row per alert and route, written in the transaction that raises the alert,
-- so a Slack outage or a restart delays a notification but never loses it.
-- The idempotency key is the SHA-256 of the alert's key (event, finding, rule) and the route name: the
-- same alert raised twice, even on two instances at once, queues one delivery per route.
-- state: PENDING (waiting, or claimed until lease_until), DELIVERED or DEAD. claim_id names one claim;
-- claimed_by is the instance that claimed it last (after delivery: the one that delivered it).
-- storm_key is the SHA-256 of rule, finding type and severity: due deliveries of a route that share it
-- go out together in one message, and group_id names that message.
CREATE TABLE alert_delivery (
    id              VARCHAR(36)              NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(64)              NOT NULL,
    alert_id        VARCHAR(36)              NOT NULL,
    route_name      VARCHAR(64)              NOT NULL,
    rule_name       VARCHAR(64)              NOT NULL,
    storm_key       VARCHAR(64)              NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claim_id        VARCHAR(36),
    claimed_by      VARCHAR(100),
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1024),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    group_id        VARCHAR(36),
    CONSTRAINT alert_delivery_idempotency UNIQUE (idempotency_key),
    CONSTRAINT alert_delivery_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX alert_delivery_due ON alert_delivery (state, route_name, next_attempt_at);
CREATE INDEX alert_delivery_storm ON alert_delivery (route_name, storm_key, state);
CREATE INDEX alert_delivery_claim ON alert_delivery (claim_id);
CREATE INDEX alert_delivery_of_alert ON alert_delivery (alert_id);

-- When each route may take its next message, shared by every instance: an instance that moves
-- next_turn_at forward sends one message, so a route gets at most one message per interval from the
-- whole cluster; a 429 moves it to when Slack's Retry-After allows.
CREATE TABLE alert_route_turn (
    route_name   VARCHAR(64)              NOT NULL PRIMARY KEY,
    next_turn_at TIMESTAMP WITH TIME ZONE NOT NULL
);

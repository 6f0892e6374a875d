-- Where alerts go: a named Slack incoming webhook. The webhook URL is a secret: only its sealed
-- form (AES-256-GCM, see io.soc2ops.identity.Secrets) and a hint that does not reveal it are stored.
-- Rules name routes (alert_rule_route.route_name) without a foreign key: a rule may name a route
-- that does not exist yet.
-- Health: the last post that worked, the last that failed, and a permanent error (Slack answered
-- 400/403/404/410, or the URL no longer opens) that stays until a post works or the URL is replaced.
CREATE TABLE alert_route (
    name               VARCHAR(64)              NOT NULL PRIMARY KEY,
    kind               VARCHAR(32)              NOT NULL,
    webhook_url_sealed VARCHAR(1024)            NOT NULL,
    webhook_url_hint   VARCHAR(200)             NOT NULL,
    enabled            BOOLEAN                  NOT NULL,
    version            INTEGER                  NOT NULL,
    created_by         VARCHAR(110)             NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by         VARCHAR(110)             NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_posted_at     TIMESTAMP WITH TIME ZONE,
    last_error         VARCHAR(1000),
    last_error_at      TIMESTAMP WITH TIME ZONE,
    permanent_error    VARCHAR(1000),
    permanent_error_at TIMESTAMP WITH TIME ZONE
);

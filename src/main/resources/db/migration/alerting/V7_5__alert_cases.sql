-- The response to each alert: one case per alert, opened in the transaction that raises the alert.
-- Its due times are fixed when it opens (from the targets for the alert's severity then), so changing
-- the targets later never rewrites whether a past case met them. version moves with every change
-- (optimistic locking); the case's history is in alert_case_event, one row per version after the first.
CREATE TABLE alert_case (
    alert_id        VARCHAR(36)              NOT NULL PRIMARY KEY,
    state           VARCHAR(16)              NOT NULL,
    assignee        VARCHAR(64),
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ack_due_at      TIMESTAMP WITH TIME ZONE,
    resolve_due_at  TIMESTAMP WITH TIME ZONE,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    version         INTEGER                  NOT NULL,
    CONSTRAINT alert_case_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX alert_case_open ON alert_case (closed_at, opened_at);

-- Who did what when: a transition, an assignment or a note. version is the case's version after it.
CREATE TABLE alert_case_event (
    alert_id   VARCHAR(36)              NOT NULL,
    version    INTEGER                  NOT NULL,
    action     VARCHAR(32)              NOT NULL,
    from_state VARCHAR(16)              NOT NULL,
    to_state   VARCHAR(16)              NOT NULL,
    assignee   VARCHAR(64),
    note       VARCHAR(4000)            NOT NULL,
    actor      VARCHAR(110)             NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (alert_id, version),
    CONSTRAINT alert_case_event_case FOREIGN KEY (alert_id) REFERENCES alert_case (alert_id)
);

-- Reminders that came due, at most one per case and step: the key makes a second claim (a second
-- instance, a repeated run) a no-op.
CREATE TABLE alert_case_reminder (
    alert_id    VARCHAR(36)              NOT NULL,
    step        VARCHAR(32)              NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (alert_id, step),
    CONSTRAINT alert_case_reminder_case FOREIGN KEY (alert_id) REFERENCES alert_case (alert_id)
);

-- Alerts raised before cases existed get a case as they stand: NEW, without due times (their
-- severity's targets were not known when they were raised).
INSERT INTO alert_case (alert_id, state, opened_at, version)
SELECT id, 'NEW', raised_at, 1 FROM alert;

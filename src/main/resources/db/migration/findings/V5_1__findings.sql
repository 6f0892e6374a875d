-- Security Hub findings: the current version of each, keyed by a digest of (ProductArn, Id).
CREATE TABLE finding (
    finding_key         CHAR(64)                 NOT NULL PRIMARY KEY,
    finding_id          VARCHAR(512)             NOT NULL,
    product_arn         VARCHAR(512)             NOT NULL,
    format              VARCHAR(8)               NOT NULL,
    account_id          CHAR(12)                 NOT NULL,
    region              VARCHAR(32)              NOT NULL,
    product_name        VARCHAR(128)             NOT NULL,
    generator_id        VARCHAR(512)             NOT NULL,
    title               VARCHAR(1024)            NOT NULL,
    severity            VARCHAR(16)              NOT NULL,
    security_control_id VARCHAR(64),
    compliance_status   VARCHAR(16),
    record_state        VARCHAR(16)              NOT NULL,
    workflow_status     VARCHAR(16)              NOT NULL,
    resource_type       VARCHAR(256)             NOT NULL,
    resource_id         VARCHAR(1024)            NOT NULL,
    first_observed_at   TIMESTAMP WITH TIME ZONE,
    last_observed_at    TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    first_seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    channel             VARCHAR(16)              NOT NULL,
    raw                 TEXT                     NOT NULL
);

CREATE INDEX finding_control ON finding (security_control_id, compliance_status, record_state);
CREATE INDEX finding_scope ON finding (account_id, region);
CREATE INDEX finding_product ON finding (product_name, severity);

-- Every version soc2ops accepted: AWS deletes findings after 14-90 days, the audit period is longer.
CREATE TABLE finding_history (
    finding_key       CHAR(64)                 NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    severity          VARCHAR(16)              NOT NULL,
    compliance_status VARCHAR(16),
    record_state      VARCHAR(16)              NOT NULL,
    workflow_status   VARCHAR(16)              NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    channel           VARCHAR(16)              NOT NULL,
    PRIMARY KEY (finding_key, updated_at)
);

-- The inventory's own additions: a name to look objects up by, and the staging tables a
-- sync derives Identity Center holdings in (rows live only inside the storing transaction,
-- keyed by the sync's ID).

-- The lower-case name of an object where it has one people look it up by: an Identity
-- Center user's UserName, a group's DisplayName, a permission set's Name.
ALTER TABLE access_inventory_object ADD COLUMN name_key VARCHAR(512);

CREATE INDEX access_inventory_object_name ON access_inventory_object (source, object_kind, name_key);
CREATE INDEX access_inventory_object_open ON access_inventory_object (source, scope, gone_at);

CREATE TABLE access_idc_stage_user (
    sync_id BIGINT NOT NULL,
    user_id VARCHAR(64) NOT NULL,
    user_name VARCHAR(256) NOT NULL,
    person VARCHAR(320) NOT NULL,
    display_name VARCHAR(256) NOT NULL,
    email VARCHAR(320)
);

CREATE INDEX access_idc_stage_user_id ON access_idc_stage_user (sync_id, user_id);

CREATE TABLE access_idc_stage_group (
    sync_id BIGINT NOT NULL,
    group_id VARCHAR(64) NOT NULL,
    display_name VARCHAR(256) NOT NULL
);

CREATE INDEX access_idc_stage_group_id ON access_idc_stage_group (sync_id, group_id);

CREATE TABLE access_idc_stage_member (
    sync_id BIGINT NOT NULL,
    group_id VARCHAR(64) NOT NULL,
    user_id VARCHAR(64) NOT NULL
);

CREATE INDEX access_idc_stage_member_group ON access_idc_stage_member (sync_id, group_id);

-- one row per account assignment, with its permission set's name
CREATE TABLE access_idc_stage_assignment (
    sync_id BIGINT NOT NULL,
    account_id VARCHAR(12) NOT NULL,
    set_arn VARCHAR(2048) NOT NULL,
    set_name VARCHAR(256) NOT NULL,
    principal_type VARCHAR(8) NOT NULL,
    principal_id VARCHAR(64) NOT NULL
);

CREATE INDEX access_idc_stage_assignment_sync ON access_idc_stage_assignment (sync_id, principal_type);

-- the holdings the sync's assignments make, before they are compared with access_holding
CREATE TABLE access_holding_stage (
    sync_id BIGINT NOT NULL,
    account_id VARCHAR(12) NOT NULL,
    person VARCHAR(320) NOT NULL,
    principal VARCHAR(256) NOT NULL,
    entitlement VARCHAR(256) NOT NULL,
    entitlement_ref VARCHAR(2048) NOT NULL,
    via VARCHAR(256) NOT NULL
);

CREATE INDEX access_holding_stage_match ON access_holding_stage (sync_id, person, account_id);
CREATE INDEX access_holding_open ON access_holding (kind, gone_at, person, account_id);

CREATE TABLE app_user (
    username      VARCHAR(64)              NOT NULL PRIMARY KEY,
    display_name  VARCHAR(200)             NOT NULL,
    password_hash VARCHAR(200)             NOT NULL,
    roles         VARCHAR(200)             NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_token (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    username     VARCHAR(64)              NOT NULL REFERENCES app_user (username),
    name         VARCHAR(100)             NOT NULL,
    prefix       VARCHAR(12)              NOT NULL,
    secret_hash  VARCHAR(64)                 NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_token_username ON api_token (username);

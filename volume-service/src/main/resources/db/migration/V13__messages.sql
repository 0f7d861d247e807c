-- Cinder's user messages (/messages, 3.3): what went wrong with a user's request after it was accepted.
CREATE TABLE user_message (
    id            uuid PRIMARY KEY,
    project_id    varchar(64) NOT NULL,
    request_id    varchar(255) NOT NULL,
    resource_type varchar(64) NOT NULL,
    resource_uuid uuid,
    event_id      varchar(255) NOT NULL,
    message_level varchar(32) NOT NULL,
    user_message  varchar(1024) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX user_message_project_idx ON user_message (project_id, created_at);

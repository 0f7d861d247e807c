-- Keystone's /v3/credentials (and OS-EC2, type 'ec2' with the SHA-256 of the access key as id). A credential
-- goes with its user and its project, as Keystone's delete callbacks remove them.
CREATE TABLE credential (
    id         varchar(64) PRIMARY KEY,
    user_id    varchar(64) NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    project_id varchar(64) REFERENCES project (id) ON DELETE CASCADE,
    type       varchar(255) NOT NULL,
    blob       text NOT NULL
);
CREATE INDEX credential_user_idx ON credential (user_id);

-- Cinder's services as admins change them (os-services enable/disable/freeze): the services themselves are the
-- configured backends (cinder-volume) and the scheduler; a row exists once an admin changed one.
CREATE TABLE volume_service (
    id              uuid PRIMARY KEY,
    host            varchar(255) NOT NULL,
    binary_name     varchar(64) NOT NULL,
    disabled        boolean NOT NULL DEFAULT false,
    disabled_reason varchar(255),
    frozen          boolean NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (host, binary_name)
);

-- Cinder's volume transfers (os-volume-transfer): an open offer of a volume to whichever project presents the auth key.
-- Only the key's salted hash is kept (Cinder's salt and crypt_hash); an accepted or deleted offer's row goes.
CREATE TABLE volume_transfer (
    id                uuid PRIMARY KEY,
    volume_id         uuid NOT NULL REFERENCES volume (id) ON DELETE CASCADE,
    display_name      varchar(255),
    salt              varchar(64) NOT NULL,
    crypt_hash        varchar(128) NOT NULL,
    source_project_id varchar(64) NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
-- one open transfer per volume (the volume is awaiting-transfer while it is open)
CREATE UNIQUE INDEX volume_transfer_volume_idx ON volume_transfer (volume_id);
CREATE INDEX volume_transfer_project_idx ON volume_transfer (source_project_id, created_at);

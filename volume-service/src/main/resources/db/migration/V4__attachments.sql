-- Cinder's volume attachments: a volume reserved for, being connected to, or attached to a server.
-- Volume statuses around them: reserved, attaching, in-use, detaching; attach_status detached/reserved/attaching/attached.
ALTER TABLE volume ADD COLUMN attach_status varchar(16) NOT NULL DEFAULT 'detached';

CREATE TABLE volume_attachment (
    id              uuid PRIMARY KEY,
    -- a volume's attachments go with its row (a deleted project's volumes are deleted whatever their state)
    volume_id       uuid NOT NULL REFERENCES volume (id) ON DELETE CASCADE,
    project_id      varchar(64) NOT NULL,
    instance_uuid   uuid,
    attach_status   varchar(16) NOT NULL,
    attach_mode     varchar(2) NOT NULL DEFAULT 'rw',
    attached_host   varchar(255),
    mountpoint      varchar(255),
    connector       jsonb,
    connection_info jsonb,
    attach_time     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volume_attachment_volume_idx ON volume_attachment (volume_id);
CREATE INDEX volume_attachment_project_idx ON volume_attachment (project_id);
CREATE INDEX volume_attachment_status_idx ON volume_attachment (attach_status, updated_at);

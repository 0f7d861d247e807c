-- Volumes attached to servers (os-volume_attachments): one row per volume, from the reservation at
-- volume-service until the detach (or the server's delete) gave the attachment back.
CREATE TABLE server_volume_attachment (
    -- a volume is attached to at most one server (no multiattach)
    volume_id     uuid PRIMARY KEY,
    server_id     uuid         NOT NULL REFERENCES server (id) ON DELETE CASCADE,
    -- the server's project: the path project of every call to volume-service
    project_id    varchar(255) NOT NULL,
    -- volume-service's attachment (Cinder's attachment id)
    attachment_id uuid         NOT NULL,
    -- the guest device without /dev/: vdb, vdc...
    device        varchar(16)  NOT NULL,
    -- attaching | attached | detaching
    status        varchar(16)  NOT NULL,
    -- the agent command (attach_volume / detach_volume) the row waits for; results of others are ignored
    command_id    uuid,
    -- when the waiting row is overdue (the watchdog fails or rolls it back), or when to retry telling
    -- volume-service what the agent answered
    deadline      timestamptz,
    -- success | failure: the agent's answer, kept while volume-service could not be told yet
    agent_result  varchar(16),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT server_volume_attachment_device_uq UNIQUE (server_id, device)
);
CREATE INDEX server_volume_attachment_command_idx ON server_volume_attachment (command_id) WHERE command_id IS NOT NULL;
CREATE INDEX server_volume_attachment_deadline_idx ON server_volume_attachment (deadline) WHERE deadline IS NOT NULL;

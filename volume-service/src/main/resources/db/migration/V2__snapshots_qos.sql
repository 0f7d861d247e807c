-- Point-in-time copies of a volume. In the local backend a snapshot is a frozen qcow2 file the volume's
-- live overlay sits on (a backing chain).
CREATE TABLE snapshot (
    id                uuid PRIMARY KEY,
    project_id        varchar(64) NOT NULL,
    user_id           varchar(64) NOT NULL,
    volume_id         uuid NOT NULL REFERENCES volume (id),
    name              varchar(255),
    description       varchar(255),
    size              integer NOT NULL,
    status            varchar(32) NOT NULL,
    status_reason     text,
    metadata          jsonb NOT NULL DEFAULT '{}',
    backend           varchar(64) NOT NULL,
    provider_location text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX snapshot_project_idx ON snapshot (project_id);
CREATE INDEX snapshot_volume_idx ON snapshot (volume_id);

-- Cinder's QoS specs (IOPS and bytes per second limits), associated with volume types.
CREATE TABLE qos_specs (
    id         uuid PRIMARY KEY,
    name       varchar(255) NOT NULL,
    consumer   varchar(16) NOT NULL,
    specs      jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX qos_specs_name_idx ON qos_specs (name);
ALTER TABLE volume_type ADD COLUMN qos_specs_id uuid REFERENCES qos_specs (id);

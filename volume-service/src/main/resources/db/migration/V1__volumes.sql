-- Cinder's volume types: a name, extra specs (volume_backend_name picks the backend), public or not.
CREATE TABLE volume_type (
    id          uuid PRIMARY KEY,
    name        varchar(255) NOT NULL,
    description varchar(255),
    is_public   boolean NOT NULL DEFAULT true,
    extra_specs jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX volume_type_name_idx ON volume_type (name);
-- Cinder creates __DEFAULT__ at install time: the type of volumes created without one.
INSERT INTO volume_type (id, name, description, is_public)
VALUES (gen_random_uuid(), '__DEFAULT__', 'Default Volume Type', true);

-- A block device of a project. Its bytes live in the backend at provider_location, never in the database.
CREATE TABLE volume (
    id                uuid PRIMARY KEY,
    project_id        varchar(64) NOT NULL,
    user_id           varchar(64) NOT NULL,
    name              varchar(255),
    description       varchar(255),
    size              integer NOT NULL,
    -- while an extend runs: the size it grows to (counted against the quota until it ends)
    extending_to      integer,
    status            varchar(32) NOT NULL,
    status_reason     text,
    volume_type_id    uuid NOT NULL REFERENCES volume_type (id),
    availability_zone varchar(255) NOT NULL,
    bootable          boolean NOT NULL DEFAULT false,
    metadata          jsonb NOT NULL DEFAULT '{}',
    snapshot_id       uuid,
    source_volid      uuid,
    image_id          uuid,
    backend           varchar(64) NOT NULL,
    provider_location text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volume_project_idx ON volume (project_id);
CREATE INDEX volume_status_idx ON volume (status);

-- One row per project that has used or set quotas: locked FOR UPDATE so two creates decide one after the other.
-- A null limit means the configured default.
CREATE TABLE volume_project_quota (
    project_id varchar(64) PRIMARY KEY,
    volumes    integer,
    gigabytes  integer,
    snapshots  integer
);

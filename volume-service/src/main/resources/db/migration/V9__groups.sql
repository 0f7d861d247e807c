-- Cinder's generic volume groups (3.13+): group types with their group specs, groups of volumes, group snapshots.
CREATE TABLE group_type (
    id          uuid PRIMARY KEY,
    name        varchar(255) NOT NULL UNIQUE,
    description varchar(255),
    is_public   boolean NOT NULL DEFAULT true,
    group_specs jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volume_group (
    id                uuid PRIMARY KEY,
    project_id        varchar(64) NOT NULL,
    user_id           varchar(64),
    name              varchar(255),
    description       varchar(255),
    status            varchar(32) NOT NULL,
    availability_zone varchar(255) NOT NULL,
    group_type_id     uuid NOT NULL REFERENCES group_type (id),
    volume_type_ids   text NOT NULL DEFAULT '',
    group_snapshot_id uuid,
    source_group_id   uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volume_group_project_idx ON volume_group (project_id);

CREATE TABLE group_snapshot (
    id            uuid PRIMARY KEY,
    project_id    varchar(64) NOT NULL,
    user_id       varchar(64),
    group_id      uuid NOT NULL,
    group_type_id uuid NOT NULL,
    name          varchar(255),
    description   varchar(255),
    status        varchar(32) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX group_snapshot_group_idx ON group_snapshot (group_id);

ALTER TABLE volume ADD COLUMN group_id uuid;
CREATE INDEX volume_group_id_idx ON volume (group_id);
ALTER TABLE snapshot ADD COLUMN group_snapshot_id uuid;
CREATE INDEX snapshot_group_snapshot_idx ON snapshot (group_snapshot_id);

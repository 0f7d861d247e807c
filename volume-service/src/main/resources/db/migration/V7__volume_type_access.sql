-- Cinder's volume_type_projects: the projects that may use a private volume type (os-volume-type-access).
CREATE TABLE volume_type_project (
    id             uuid PRIMARY KEY,
    volume_type_id uuid NOT NULL REFERENCES volume_type (id) ON DELETE CASCADE,
    project_id     varchar(64) NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX volume_type_project_idx ON volume_type_project (volume_type_id, project_id);
CREATE INDEX volume_type_project_project_idx ON volume_type_project (project_id);

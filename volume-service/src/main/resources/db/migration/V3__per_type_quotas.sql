-- Per-volume-type quotas as Cinder keys them: volumes_<type>, gigabytes_<type>, snapshots_<type>
-- (by the type's name, as Cinder does). A missing row is unlimited (-1), Cinder's default.
CREATE TABLE volume_type_quota (
    project_id  varchar(64) NOT NULL,
    resource    varchar(300) NOT NULL,
    hard_limit  integer NOT NULL,
    PRIMARY KEY (project_id, resource)
);

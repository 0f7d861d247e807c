-- Quotas move to the kit's ProjectQuotas (io.strato.kit.data.quota): one lock row per project serialises its
-- claims (SELECT ... FOR UPDATE, made on first use), and a project's overrides of the configured defaults are
-- rows of quota: volumes, gigabytes, snapshots and the per-type volumes_<type>, gigabytes_<type>,
-- snapshots_<type> (by the type's name, as Cinder keys them: hence 300 characters).
CREATE TABLE quota_lock (
    project_id varchar(64) PRIMARY KEY
);
CREATE TABLE quota (
    project_id varchar(64) NOT NULL,
    resource   varchar(300) NOT NULL,
    hard_limit integer NOT NULL,
    PRIMARY KEY (project_id, resource)
);

-- The limits set so far. A null column of volume_project_quota was the default: no row.
INSERT INTO quota (project_id, resource, hard_limit)
SELECT project_id, 'volumes', volumes FROM volume_project_quota WHERE volumes IS NOT NULL
UNION ALL
SELECT project_id, 'gigabytes', gigabytes FROM volume_project_quota WHERE gigabytes IS NOT NULL
UNION ALL
SELECT project_id, 'snapshots', snapshots FROM volume_project_quota WHERE snapshots IS NOT NULL
UNION ALL
SELECT project_id, resource, hard_limit FROM volume_type_quota;

DROP TABLE volume_type_quota;
DROP TABLE volume_project_quota;

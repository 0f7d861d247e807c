-- Nova's host aggregates: named groups of compute hosts with metadata. The metadata key availability_zone makes
-- the aggregate an availability zone: its hosts report that zone instead of the one their agent is configured
-- with (hosts.HostZones).
CREATE TABLE aggregate (
    id         serial PRIMARY KEY,            -- Nova's integer aggregate id
    uuid       uuid NOT NULL UNIQUE,          -- shown from 2.41
    name       varchar(255) NOT NULL UNIQUE,
    metadata   jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);

-- A host leaves its aggregates when its record is deleted (os-services delete), as in Nova.
CREATE TABLE aggregate_host (
    aggregate_id integer NOT NULL REFERENCES aggregate (id) ON DELETE CASCADE,
    host         varchar(255) NOT NULL REFERENCES compute_host (host) ON DELETE CASCADE,
    PRIMARY KEY (aggregate_id, host)
);
CREATE INDEX aggregate_host_host ON aggregate_host (host);

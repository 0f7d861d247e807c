-- Subnet pools (issue 15): address space subnets are carved from. prefixes is the pool's compacted CIDR list
-- (JSON, ["10.10.0.0/16"]); a subnet allocated from a pool names it in subnet.subnetpool_id, which keeps the pool
-- from being deleted. At most one default pool per IP version (the partial unique index is the last line of
-- defence behind the service's own check).
CREATE TABLE subnetpool (
    id                uuid PRIMARY KEY,
    project_id        varchar(64) NOT NULL,
    name              varchar(255) NOT NULL DEFAULT '',
    description       varchar(255) NOT NULL DEFAULT '',
    ip_version        integer NOT NULL,
    prefixes          jsonb NOT NULL DEFAULT '[]',
    default_prefixlen integer NOT NULL,
    min_prefixlen     integer NOT NULL,
    max_prefixlen     integer NOT NULL,
    default_quota     integer,
    shared            boolean NOT NULL DEFAULT false,
    is_default        boolean NOT NULL DEFAULT false,
    tags              jsonb NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    revision_number   integer NOT NULL DEFAULT 0
);
CREATE INDEX subnetpool_project_idx ON subnetpool (project_id);
CREATE UNIQUE INDEX subnetpool_one_default_idx ON subnetpool (ip_version) WHERE is_default;

ALTER TABLE subnet ADD COLUMN subnetpool_id uuid REFERENCES subnetpool (id);
CREATE INDEX subnet_subnetpool_idx ON subnet (subnetpool_id);

-- Nova's resources. The scheduler's claims live in compute_host counters + allocation rows, updated
-- together in one transaction with a conditional UPDATE, so concurrent creates never overbook a host.

CREATE TABLE flavor (
    id           varchar(255) PRIMARY KEY,          -- Nova's flavorid (a string: "1", a UUID, ...)
    name         varchar(255) NOT NULL,
    description  varchar(255),
    memory_mb    integer NOT NULL,
    vcpus        integer NOT NULL,
    root_gb      integer NOT NULL DEFAULT 0,
    ephemeral_gb integer NOT NULL DEFAULT 0,
    swap         integer NOT NULL DEFAULT 0,
    rxtx_factor  double precision NOT NULL DEFAULT 1.0,
    is_public    boolean NOT NULL DEFAULT true,
    disabled     boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX flavor_name_uq ON flavor (name);

CREATE TABLE flavor_extra_spec (
    flavor_id varchar(255) NOT NULL REFERENCES flavor (id) ON DELETE CASCADE,
    key       varchar(255) NOT NULL,
    value     varchar(255) NOT NULL,
    PRIMARY KEY (flavor_id, key)
);

CREATE TABLE flavor_access (
    flavor_id  varchar(255) NOT NULL REFERENCES flavor (id) ON DELETE CASCADE,
    project_id varchar(64) NOT NULL,
    PRIMARY KEY (flavor_id, project_id)
);

CREATE TABLE keypair (
    user_id     varchar(64) NOT NULL,
    name        varchar(255) NOT NULL,
    project_id  varchar(64),
    type        varchar(16) NOT NULL DEFAULT 'ssh',
    public_key  text NOT NULL,
    fingerprint varchar(128) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, name)
);

-- Hypervisor hosts, as their agents report them. Counters *_used are the scheduler's claims.
CREATE TABLE compute_host (
    id                    serial UNIQUE,               -- Nova's hypervisor/service id before 2.53
    uuid                  uuid NOT NULL UNIQUE,
    host                  varchar(255) PRIMARY KEY,
    hypervisor_hostname   varchar(255) NOT NULL,
    hypervisor_type       varchar(32) NOT NULL DEFAULT 'QEMU',
    hypervisor_version    bigint NOT NULL DEFAULT 0,
    host_ip               varchar(64),
    availability_zone     varchar(255) NOT NULL DEFAULT 'nova',
    vcpus                 integer NOT NULL,
    memory_mb             bigint NOT NULL,
    local_gb              bigint NOT NULL,
    vcpus_used            integer NOT NULL DEFAULT 0,
    memory_mb_used        bigint NOT NULL DEFAULT 0,
    local_gb_used         bigint NOT NULL DEFAULT 0,
    running_vms           integer NOT NULL DEFAULT 0,
    cpu_allocation_ratio  double precision NOT NULL DEFAULT 16.0,
    ram_allocation_ratio  double precision NOT NULL DEFAULT 1.5,
    disk_allocation_ratio double precision NOT NULL DEFAULT 1.0,
    enabled               boolean NOT NULL DEFAULT true,
    disabled_reason       varchar(255),
    forced_down           boolean NOT NULL DEFAULT false,
    last_heartbeat        timestamptz NOT NULL DEFAULT now(),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE server_group (
    id         uuid PRIMARY KEY,
    project_id varchar(64) NOT NULL,
    user_id    varchar(64) NOT NULL,
    name       varchar(255) NOT NULL,
    policy     varchar(32) NOT NULL,                  -- affinity, anti-affinity, soft-affinity, soft-anti-affinity
    rules      jsonb NOT NULL DEFAULT '{}',           -- {"max_server_per_host": n}
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX server_group_project_idx ON server_group (project_id);

CREATE TABLE server (
    id                 uuid PRIMARY KEY,
    project_id         varchar(64) NOT NULL,
    user_id            varchar(64) NOT NULL,
    name               varchar(255) NOT NULL,
    description        varchar(255),
    image_id           uuid,
    flavor_id          varchar(255) NOT NULL,
    -- the flavor as it was at boot (and during a resize the old and new ones), as Nova embeds it
    flavor             jsonb NOT NULL,
    old_flavor         jsonb,
    new_flavor         jsonb,
    key_name           varchar(255),
    key_data           text,
    user_data          text,
    metadata           jsonb NOT NULL DEFAULT '{}',
    requested_az       varchar(255),
    -- what the create asked for: [{"uuid": net, "port": id, "fixed_ip": ip}] or "auto"/"none"; security group names
    requested_networks jsonb NOT NULL DEFAULT '[]',
    security_groups    jsonb NOT NULL DEFAULT '[]',
    server_group_id    uuid REFERENCES server_group (id),
    host               varchar(255) REFERENCES compute_host (host),
    availability_zone  varchar(255),
    vm_state           varchar(32) NOT NULL,          -- building, active, stopped, resized, error, deleted
    task_state         varchar(32),                   -- scheduling, networking, spawning, powering-off, ...
    power_state        integer NOT NULL DEFAULT 0,    -- 0 NOSTATE, 1 RUNNING, 3 PAUSED, 4 SHUTDOWN, 6 CRASHED
    -- the saga: which attempt, hosts already tried, and the time by which BUILD must be over
    attempts           integer NOT NULL DEFAULT 0,
    tried_hosts        jsonb NOT NULL DEFAULT '[]',
    deadline           timestamptz,
    fault              jsonb,                         -- {"code", "message", "details", "created"}
    locked             boolean NOT NULL DEFAULT false,
    access_ipv4        varchar(64),
    access_ipv6        varchar(64),
    launched_at        timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint NOT NULL DEFAULT 0
);
CREATE INDEX server_project_idx ON server (project_id);
CREATE INDEX server_host_idx ON server (host);
CREATE INDEX server_task_idx ON server (task_state) WHERE task_state IS NOT NULL;

CREATE TABLE server_group_member (
    group_id  uuid NOT NULL REFERENCES server_group (id) ON DELETE CASCADE,
    server_id uuid NOT NULL REFERENCES server (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, server_id)
);

-- The ports of a server, as network-service created them (addresses cached for server show).
CREATE TABLE server_port (
    server_id    uuid NOT NULL REFERENCES server (id) ON DELETE CASCADE,
    port_id      uuid NOT NULL,
    network_id   uuid NOT NULL,
    network_name varchar(255) NOT NULL DEFAULT '',
    mac_address  varchar(17),
    fixed_ips    jsonb NOT NULL DEFAULT '[]',          -- [{"ip_address", "subnet_id", "version"}]
    created_by_compute boolean NOT NULL DEFAULT true,  -- ports given by the user are unbound, not deleted
    PRIMARY KEY (server_id, port_id)
);

-- The scheduler's claim of a server on a host (released on delete, failure, resize confirm/revert).
CREATE TABLE allocation (
    server_id uuid NOT NULL,
    host      varchar(255) NOT NULL REFERENCES compute_host (host),
    vcpus     integer NOT NULL,
    memory_mb bigint NOT NULL,
    disk_gb   bigint NOT NULL,
    PRIMARY KEY (server_id, host)
);

CREATE TABLE instance_action (
    id          uuid PRIMARY KEY,
    server_id   uuid NOT NULL,
    request_id  varchar(64) NOT NULL,
    action      varchar(32) NOT NULL,
    project_id  varchar(64) NOT NULL,
    user_id     varchar(64) NOT NULL,
    start_time  timestamptz NOT NULL,
    updated_at  timestamptz,
    message     varchar(255)
);
CREATE INDEX instance_action_server_idx ON instance_action (server_id);

CREATE TABLE instance_action_event (
    id          uuid PRIMARY KEY,
    action_id   uuid NOT NULL REFERENCES instance_action (id) ON DELETE CASCADE,
    event       varchar(64) NOT NULL,
    start_time  timestamptz NOT NULL,
    finish_time timestamptz,
    result      varchar(16),                           -- Success, Error
    host        varchar(255),
    details     varchar(255)
);

-- The last console output an agent reported for a server.
CREATE TABLE console_output (
    server_id  uuid PRIMARY KEY,
    request_id uuid NOT NULL,
    output     text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Quotas: per-project overrides of configured defaults; quota_lock rows serialise a project's claims.
CREATE TABLE quota (
    project_id varchar(64) NOT NULL,
    resource   varchar(32) NOT NULL,
    hard_limit integer NOT NULL,
    PRIMARY KEY (project_id, resource)
);
CREATE TABLE quota_lock (
    project_id varchar(64) PRIMARY KEY
);

-- Neutron's resources. Every table carries project_id, standard attributes (created_at,
-- updated_at, revision_number, description) and tags (a JSON array of strings).

CREATE TABLE network (
    id                    uuid PRIMARY KEY,
    project_id            varchar(64) NOT NULL,
    name                  varchar(255) NOT NULL DEFAULT '',
    description           varchar(255) NOT NULL DEFAULT '',
    admin_state_up        boolean NOT NULL DEFAULT true,
    shared                boolean NOT NULL DEFAULT false,
    router_external       boolean NOT NULL DEFAULT false,
    mtu                   integer NOT NULL DEFAULT 1450,
    port_security_enabled boolean NOT NULL DEFAULT true,
    network_type          varchar(16) NOT NULL,
    physical_network      varchar(64),
    segmentation_id       integer,
    status                varchar(16) NOT NULL DEFAULT 'ACTIVE',
    tags                  jsonb NOT NULL DEFAULT '[]',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    revision_number       integer NOT NULL DEFAULT 0
);
CREATE INDEX network_project_idx ON network (project_id);
-- one segment per (type, physical network, id): two networks never share a VNI/VLAN
CREATE UNIQUE INDEX network_segment_uq ON network (network_type, coalesce(physical_network, ''), segmentation_id)
    WHERE segmentation_id IS NOT NULL;

CREATE TABLE subnet (
    id                uuid PRIMARY KEY,
    project_id        varchar(64) NOT NULL,
    network_id        uuid NOT NULL REFERENCES network (id),
    name              varchar(255) NOT NULL DEFAULT '',
    description       varchar(255) NOT NULL DEFAULT '',
    ip_version        integer NOT NULL,
    cidr              varchar(64) NOT NULL,
    gateway_ip        varchar(64),
    enable_dhcp       boolean NOT NULL DEFAULT true,
    -- JSON: [{"start": "...", "end": "..."}], [{"destination": "...", "nexthop": "..."}], ["8.8.8.8"]
    allocation_pools  jsonb NOT NULL DEFAULT '[]',
    host_routes       jsonb NOT NULL DEFAULT '[]',
    dns_nameservers   jsonb NOT NULL DEFAULT '[]',
    ipv6_ra_mode      varchar(16),
    ipv6_address_mode varchar(16),
    tags              jsonb NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    revision_number   integer NOT NULL DEFAULT 0
);
CREATE INDEX subnet_network_idx ON subnet (network_id);
CREATE INDEX subnet_project_idx ON subnet (project_id);

CREATE TABLE port (
    id                    uuid PRIMARY KEY,
    project_id            varchar(64) NOT NULL,
    network_id            uuid NOT NULL REFERENCES network (id),
    name                  varchar(255) NOT NULL DEFAULT '',
    description           varchar(255) NOT NULL DEFAULT '',
    admin_state_up        boolean NOT NULL DEFAULT true,
    mac_address           varchar(17) NOT NULL,
    device_id             varchar(255) NOT NULL DEFAULT '',
    device_owner          varchar(255) NOT NULL DEFAULT '',
    status                varchar(16) NOT NULL DEFAULT 'DOWN',
    port_security_enabled boolean NOT NULL DEFAULT true,
    binding_host_id       varchar(255) NOT NULL DEFAULT '',
    binding_vnic_type     varchar(32) NOT NULL DEFAULT 'normal',
    binding_vif_type      varchar(32) NOT NULL DEFAULT 'unbound',
    binding_profile       jsonb NOT NULL DEFAULT '{}',
    binding_vif_details   jsonb NOT NULL DEFAULT '{}',
    -- JSON: [{"ip_address": "...", "mac_address": "..."}]
    allowed_address_pairs jsonb NOT NULL DEFAULT '[]',
    dns_name              varchar(255) NOT NULL DEFAULT '',
    tags                  jsonb NOT NULL DEFAULT '[]',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    revision_number       integer NOT NULL DEFAULT 0
);
CREATE INDEX port_network_idx ON port (network_id);
CREATE INDEX port_project_idx ON port (project_id);
CREATE INDEX port_device_idx ON port (device_id);
-- a MAC is unique on its network
CREATE UNIQUE INDEX port_mac_uq ON port (network_id, mac_address);

-- IPAM: one row per address in use. The unique index is the last line of defence: one address is
-- never handed out twice on a network, whatever the code above it does.
CREATE TABLE ip_allocation (
    network_id uuid NOT NULL REFERENCES network (id),
    subnet_id  uuid NOT NULL REFERENCES subnet (id),
    ip_address varchar(64) NOT NULL,
    port_id    uuid REFERENCES port (id) ON DELETE CASCADE,
    PRIMARY KEY (network_id, ip_address)
);
CREATE INDEX ip_allocation_subnet_idx ON ip_allocation (subnet_id);
CREATE INDEX ip_allocation_port_idx ON ip_allocation (port_id);

CREATE TABLE security_group (
    id              uuid PRIMARY KEY,
    project_id      varchar(64) NOT NULL,
    name            varchar(255) NOT NULL DEFAULT '',
    description     varchar(255) NOT NULL DEFAULT '',
    is_default      boolean NOT NULL DEFAULT false,
    stateful        boolean NOT NULL DEFAULT true,
    tags            jsonb NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    revision_number integer NOT NULL DEFAULT 0
);
CREATE INDEX security_group_project_idx ON security_group (project_id);
-- exactly one default group per project, even when two first uses race
CREATE UNIQUE INDEX security_group_default_uq ON security_group (project_id) WHERE is_default;

CREATE TABLE security_group_rule (
    id                uuid PRIMARY KEY,
    project_id        varchar(64) NOT NULL,
    security_group_id uuid NOT NULL REFERENCES security_group (id) ON DELETE CASCADE,
    direction         varchar(8) NOT NULL,
    ethertype         varchar(8) NOT NULL,
    protocol          varchar(32),
    port_range_min    integer,
    port_range_max    integer,
    remote_ip_prefix  varchar(64),
    remote_group_id   uuid REFERENCES security_group (id),
    description       varchar(255) NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    revision_number   integer NOT NULL DEFAULT 0
);
CREATE INDEX security_group_rule_group_idx ON security_group_rule (security_group_id);
CREATE INDEX security_group_rule_remote_idx ON security_group_rule (remote_group_id);
-- the same rule twice is refused (Neutron's SecurityGroupRuleExists)
CREATE UNIQUE INDEX security_group_rule_uq ON security_group_rule (security_group_id, direction, ethertype,
    coalesce(protocol, ''), coalesce(port_range_min, -1), coalesce(port_range_max, -1),
    coalesce(remote_ip_prefix, ''), coalesce(remote_group_id::text, ''));

CREATE TABLE port_security_group (
    port_id           uuid NOT NULL REFERENCES port (id) ON DELETE CASCADE,
    security_group_id uuid NOT NULL REFERENCES security_group (id),
    PRIMARY KEY (port_id, security_group_id)
);
CREATE INDEX port_security_group_sg_idx ON port_security_group (security_group_id);

CREATE TABLE router (
    id                 uuid PRIMARY KEY,
    project_id         varchar(64) NOT NULL,
    name               varchar(255) NOT NULL DEFAULT '',
    description        varchar(255) NOT NULL DEFAULT '',
    admin_state_up     boolean NOT NULL DEFAULT true,
    status             varchar(16) NOT NULL DEFAULT 'ACTIVE',
    -- the external gateway: network, SNAT, and the gateway port (which holds the external address)
    gw_network_id      uuid REFERENCES network (id),
    gw_port_id         uuid REFERENCES port (id),
    enable_snat        boolean NOT NULL DEFAULT true,
    -- JSON: [{"destination": "...", "nexthop": "..."}]
    routes             jsonb NOT NULL DEFAULT '[]',
    tags               jsonb NOT NULL DEFAULT '[]',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    revision_number    integer NOT NULL DEFAULT 0
);
CREATE INDEX router_project_idx ON router (project_id);

-- a router's interfaces are its ports (device_owner network:router_interface, device_id = router id)
CREATE TABLE router_interface (
    router_id uuid NOT NULL REFERENCES router (id),
    port_id   uuid NOT NULL REFERENCES port (id),
    subnet_id uuid NOT NULL REFERENCES subnet (id),
    PRIMARY KEY (router_id, port_id, subnet_id)
);
-- a subnet joins at most one router
CREATE UNIQUE INDEX router_interface_subnet_uq ON router_interface (subnet_id);

CREATE TABLE floating_ip (
    id                  uuid PRIMARY KEY,
    project_id          varchar(64) NOT NULL,
    floating_network_id uuid NOT NULL REFERENCES network (id),
    floating_ip_address varchar(64) NOT NULL,
    -- the port that holds the floating address on the external network (device_owner network:floatingip)
    floating_port_id    uuid REFERENCES port (id),
    port_id             uuid REFERENCES port (id),
    fixed_ip_address    varchar(64),
    router_id           uuid REFERENCES router (id),
    status              varchar(16) NOT NULL DEFAULT 'DOWN',
    description         varchar(255) NOT NULL DEFAULT '',
    dns_name            varchar(255) NOT NULL DEFAULT '',
    dns_domain          varchar(255) NOT NULL DEFAULT '',
    tags                jsonb NOT NULL DEFAULT '[]',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    revision_number     integer NOT NULL DEFAULT 0
);
CREATE INDEX floating_ip_project_idx ON floating_ip (project_id);
CREATE UNIQUE INDEX floating_ip_address_uq ON floating_ip (floating_network_id, floating_ip_address);
-- a fixed address maps to at most one floating address
CREATE UNIQUE INDEX floating_ip_fixed_uq ON floating_ip (port_id, fixed_ip_address) WHERE port_id IS NOT NULL;

-- Quotas: per-project overrides of the configured defaults, and one lock row per project that
-- every quota-counted create takes FOR UPDATE, so that two creates cannot both take the last unit.
CREATE TABLE quota (
    project_id varchar(64) NOT NULL,
    resource   varchar(32) NOT NULL,
    hard_limit integer NOT NULL,
    PRIMARY KEY (project_id, resource)
);
CREATE TABLE quota_lock (
    project_id varchar(64) PRIMARY KEY
);

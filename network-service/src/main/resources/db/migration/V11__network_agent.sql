-- The network agents (issue 13): one row per host whose agent has announced itself, with its VXLAN tunnel address
-- and its last heartbeat. A port bound to a host with a row follows that agent: DOWN until it reports the port
-- made, binding_failed while it is silent. Hosts without a row (simulated ones) keep the old rule.
CREATE TABLE network_agent (
    host           text PRIMARY KEY,
    tunnel_ip      text        NOT NULL,
    last_heartbeat timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

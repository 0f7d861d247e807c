-- Scheduler and host monitor (helper "scheduler", V20..V29).

-- The host's CPU architecture, for ImagePropertiesFilter. An agent may send "cpu_arch" in its host
-- report (an optional field the HostReportHandler reads); hosts that do not are taken as x86_64.
ALTER TABLE compute_host ADD COLUMN cpu_arch varchar(32) NOT NULL DEFAULT 'x86_64';

-- Set by the host monitor when it finds the host down, cleared when the host is up again.
ALTER TABLE compute_host ADD COLUMN down_since timestamptz;

-- Power states the host monitor replaced by NOSTATE when their host went down, so they can be put
-- back when the host reports again (the agent's reconciliation reports real drift afterwards).
CREATE TABLE host_down_server (
    server_id   uuid PRIMARY KEY REFERENCES server (id) ON DELETE CASCADE,
    host        varchar(255) NOT NULL,
    power_state integer NOT NULL
);
CREATE INDEX host_down_server_host_idx ON host_down_server (host);

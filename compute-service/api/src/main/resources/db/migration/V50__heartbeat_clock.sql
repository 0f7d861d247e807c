-- Host liveness judges silence in "heartbeat clock" time (issue 16): milliseconds during which
-- compute-service saw its own probes come back through strato.compute.reports, the topic of the
-- agents' heartbeats. A Kafka outage (or every compute-service stopped) stalls the clock, so it does
-- not make live hosts look dead. One row; advanced by each probe consumed (hosts/HeartbeatClock).
CREATE TABLE compute_heartbeat_clock (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    ms        bigint NOT NULL,
    probed_at timestamptz
);
INSERT INTO compute_heartbeat_clock (id, ms, probed_at) VALUES (true, 0, NULL);

-- The clock's value when the host's latest heartbeat was consumed; null: never heard of (down).
-- Existing hosts keep their age, so the upgrade changes no host's state.
ALTER TABLE compute_host ADD COLUMN heartbeat_clock_ms bigint;
UPDATE compute_host SET heartbeat_clock_ms = -CAST(GREATEST(extract(epoch FROM now() - last_heartbeat), 0) * 1000 AS bigint);

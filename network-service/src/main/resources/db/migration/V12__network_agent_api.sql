-- Neutron's agents API (GET/PUT/DELETE /v2.0/agents): each agent row gets an id of its own, the time its agent
-- (re)started, the device count its heartbeat carries, and what an admin sets (admin_state_up, description).
-- The host stays unique: the heartbeat's upsert finds its row by host.
ALTER TABLE network_agent ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE network_agent ADD COLUMN started_at timestamptz;
UPDATE network_agent SET started_at = created_at;
ALTER TABLE network_agent ALTER COLUMN started_at SET NOT NULL;
ALTER TABLE network_agent ADD COLUMN devices integer NOT NULL DEFAULT 0;
ALTER TABLE network_agent ADD COLUMN admin_state_up boolean NOT NULL DEFAULT true;
ALTER TABLE network_agent ADD COLUMN description text;
ALTER TABLE network_agent DROP CONSTRAINT network_agent_pkey;
ALTER TABLE network_agent ADD PRIMARY KEY (id);
ALTER TABLE network_agent ADD CONSTRAINT network_agent_host_uq UNIQUE (host);

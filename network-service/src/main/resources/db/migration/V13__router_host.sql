-- Routers run on hosts (issue 14): the host whose network agent hosts a router's namespace, chosen when the router
-- gets its first port (a live agent, the one hosting the fewest routers) or when an agent beats while the router has
-- none; null while no agent hosts it. The router's interface and gateway ports are bound to this host.
ALTER TABLE router ADD COLUMN host text;
-- false after an admin removed the router from its agent: the heartbeats' sweep leaves it unscheduled
ALTER TABLE router ADD COLUMN auto_schedule boolean NOT NULL DEFAULT true;
CREATE INDEX router_host_idx ON router (host);

-- The host a 2.74 create asked for (host and/or hypervisor_hostname, resolved to Strato's host name): the
-- scheduler runs its filters on that host only.
ALTER TABLE server ADD COLUMN requested_host text;

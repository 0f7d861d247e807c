-- Who locked a server (Nova's instances.locked_by): 'owner' when its project did, 'admin' when an admin of
-- another project did; only an admin (unlock_override) may unlock a server an admin locked.
ALTER TABLE server ADD COLUMN locked_by text;

-- Nova's instances.hostname: set at create (2.90: the one asked for, else the name made DNS-safe), changed by
-- update and rebuild from 2.90; the guest's metadata and config drive give it. Older rows: null, read as before.
ALTER TABLE server ADD COLUMN hostname text;

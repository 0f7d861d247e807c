-- Why a server was locked (Nova's system_metadata locked_reason, microversion 2.73); null when none was given or
-- the server is not locked.
ALTER TABLE server ADD COLUMN locked_reason text;

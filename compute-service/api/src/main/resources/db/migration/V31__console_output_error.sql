-- An agent that cannot read a server's console answers with a failed command result and no output:
-- the waiting os-getConsoleOutput call learns it from this row instead of waiting out its timeout.
ALTER TABLE console_output ALTER COLUMN output DROP NOT NULL;
ALTER TABLE console_output ADD COLUMN error text;

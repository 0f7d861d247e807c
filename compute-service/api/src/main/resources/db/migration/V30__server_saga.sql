-- The servers helper's additions to the server table: what the create saga and the actions need beyond V1.

-- The image as it was at create (Commands.Image: checksum, formats, size, properties), for scheduling and spawn.
ALTER TABLE server ADD COLUMN image_meta jsonb;
-- The agent command the current task waits for; results with another command id are stale and ignored.
ALTER TABLE server ADD COLUMN command_id uuid;
-- Ports (and the claim) of a server that went to ERROR still have to be given back; the saga worker does it.
ALTER TABLE server ADD COLUMN pending_cleanup boolean NOT NULL DEFAULT false;
-- When a step failed for a passing reason (network-service unreachable), the worker tries again after this.
ALTER TABLE server ADD COLUMN retry_at timestamptz;
-- Nova's OS-DCF:diskConfig, config_drive, multi-create bookkeeping and progress.
ALTER TABLE server ADD COLUMN disk_config varchar(8) NOT NULL DEFAULT 'MANUAL';
ALTER TABLE server ADD COLUMN config_drive varchar(16) NOT NULL DEFAULT '';
ALTER TABLE server ADD COLUMN reservation_id varchar(32);
ALTER TABLE server ADD COLUMN launch_index integer NOT NULL DEFAULT 0;
ALTER TABLE server ADD COLUMN progress integer NOT NULL DEFAULT 0;

-- What the saga worker polls for, and what the deadline watchdog looks at.
CREATE INDEX server_saga_idx ON server (updated_at)
    WHERE task_state IN ('scheduling', 'networking', 'deleting') OR pending_cleanup;
CREATE INDEX server_deadline_idx ON server (deadline) WHERE task_state IS NOT NULL;
-- Default list order (created_at desc, id desc) within a project.
CREATE INDEX server_project_created_idx ON server (project_id, created_at DESC, id DESC);

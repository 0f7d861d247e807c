-- Nova's block device mapping fields of an attached volume: whether the volume is deleted with its server
-- (microversions 2.79 and 2.85), and the mapping's own uuid (2.89 bdm_uuid).
ALTER TABLE server_volume_attachment ADD COLUMN delete_on_termination boolean NOT NULL DEFAULT false;
ALTER TABLE server_volume_attachment ADD COLUMN bdm_uuid uuid NOT NULL DEFAULT gen_random_uuid();

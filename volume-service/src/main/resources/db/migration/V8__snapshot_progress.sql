-- Cinder's snapshot progress ("0%" while creating, "100%" when made; os-update_snapshot_status may set it).
ALTER TABLE snapshot ADD COLUMN progress varchar(8);
UPDATE snapshot SET progress = CASE WHEN status = 'available' THEN '100%' ELSE '0%' END;

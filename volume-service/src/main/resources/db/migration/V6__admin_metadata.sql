-- Cinder's volume admin metadata: keys set by the service or an admin, not by the owner (os-update_readonly_flag
-- sets readonly); the visible ones (readonly, attached_mode) are shown in the volume's metadata over the owner's.
ALTER TABLE volume ADD COLUMN admin_metadata jsonb NOT NULL DEFAULT '{}';

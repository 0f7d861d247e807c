-- createImage. snapshot_image_id: the image a snapshot in progress uploads to (deleted if compute-service gives the
-- snapshot up). system_metadata: Nova's instance system metadata a snapshot's image inherits, written at create and
-- rebuild (image_min_ram, image_min_disk, owner_user_name, owner_project_name); null for servers made before.
ALTER TABLE server ADD COLUMN snapshot_image_id uuid;
ALTER TABLE server ADD COLUMN system_metadata jsonb;

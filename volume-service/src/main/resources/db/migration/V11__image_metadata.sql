-- Cinder's volume_glance_metadata: what a volume made from an image keeps of it (image_id, image_name, disk_format,
-- ... and the image's own properties), which os-set_image_metadata / os-unset_image_metadata change.
ALTER TABLE volume ADD COLUMN image_metadata jsonb NOT NULL DEFAULT '{}';
UPDATE volume SET image_metadata = jsonb_build_object('image_id', image_id::text) WHERE image_id IS NOT NULL;

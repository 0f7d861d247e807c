-- The project lock of the kit's quota mechanism (io.strato.kit.data.quota.ProjectQuotas) is the table
-- quota_lock in every service; image-service's lock rows were in image_project_quota.
ALTER TABLE image_project_quota RENAME TO quota_lock;

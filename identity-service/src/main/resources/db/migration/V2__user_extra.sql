-- Keystone keeps a user's attributes beyond its schema (project_id, any other key a client sends) and shows
-- them back; they live here as one JSON object.
ALTER TABLE identity_user ADD COLUMN extra jsonb;

-- One row per project that made images. Locking it (SELECT ... FOR UPDATE) serialises the
-- project's quota decisions: the image count on create, the bytes at upload start and finish.
CREATE TABLE image_project_quota (
    project_id varchar(64) PRIMARY KEY
);

-- Bytes an upload in progress may write, held against its project's byte quota until the upload
-- ends. A reservation counts only while its image is 'saving' and it has not expired: a live
-- upload renews it, so one left behind by a crashed service lapses on its own.
CREATE TABLE image_upload_reservation (
    image_id   uuid PRIMARY KEY REFERENCES image (id) ON DELETE CASCADE,
    project_id varchar(64) NOT NULL,
    bytes      bigint NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX image_upload_reservation_project_idx ON image_upload_reservation (project_id);

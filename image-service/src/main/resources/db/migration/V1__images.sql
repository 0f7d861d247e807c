-- Glance's image records. Bytes live in the store (a directory by default), never in the database.
CREATE TABLE image (
    id               uuid PRIMARY KEY,
    name             varchar(255),
    owner            varchar(64) NOT NULL,
    status           varchar(16) NOT NULL,
    visibility       varchar(16) NOT NULL,
    protected        boolean NOT NULL DEFAULT false,
    os_hidden        boolean NOT NULL DEFAULT false,
    disk_format      varchar(16),
    container_format varchar(16),
    min_disk         integer NOT NULL DEFAULT 0,
    min_ram          integer NOT NULL DEFAULT 0,
    size             bigint,
    virtual_size     bigint,
    checksum         varchar(32),
    os_hash_algo     varchar(16),
    os_hash_value    varchar(128),
    -- free-form properties as a JSON object of strings; tags comma-free strings
    properties       jsonb NOT NULL DEFAULT '{}',
    tags             text NOT NULL DEFAULT '',
    store_location   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint NOT NULL DEFAULT 0
);
CREATE INDEX image_owner_idx ON image (owner);
CREATE INDEX image_visibility_idx ON image (visibility);

-- Glance's image members: projects an image is shared with, and whether they accepted.
CREATE TABLE image_member (
    image_id   uuid NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    member_id  varchar(64) NOT NULL,
    status     varchar(16) NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (image_id, member_id)
);
CREATE INDEX image_member_member_idx ON image_member (member_id);

-- Cinder's encryption (volume_type encryption specs): how volumes of a type are to be encrypted.
CREATE TABLE volume_type_encryption (
    id               uuid PRIMARY KEY,
    volume_type_id   uuid NOT NULL UNIQUE REFERENCES volume_type (id) ON DELETE CASCADE,
    provider         varchar(255) NOT NULL,
    cipher           varchar(255),
    key_size         integer,
    control_location varchar(255) NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz
);

-- Nova's server tags (microversion 2.26): at most 50 per server, each 1-60 characters without '/' or ','.
CREATE TABLE server_tag (
    server_id uuid NOT NULL REFERENCES server (id) ON DELETE CASCADE,
    tag       varchar(60) NOT NULL,
    PRIMARY KEY (server_id, tag)
);

-- Keystone's policies API: opaque policy documents kept for services to fetch.
CREATE TABLE policy (
    id   varchar(64) PRIMARY KEY,
    type varchar(255) NOT NULL,
    blob text NOT NULL
);

-- OS-OAUTH1 consumers. The secret is kept as issued: HMAC-SHA1 request signatures are verified with it.
CREATE TABLE oauth1_consumer (
    id          varchar(64) PRIMARY KEY,
    description text,
    secret      varchar(64) NOT NULL
);

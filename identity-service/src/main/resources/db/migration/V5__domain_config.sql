-- Domain-specific configuration (Keystone's /v3/domains/{id}/config): group -> option -> value.
CREATE TABLE domain_config (
    domain_id varchar(64) PRIMARY KEY REFERENCES domain (id) ON DELETE CASCADE,
    config    jsonb NOT NULL
);

-- Keystone's resources. Ids are 32-hex strings as Keystone's (uuid4 hex), but for the domain 'default'.

CREATE TABLE domain (
    id          varchar(64) PRIMARY KEY,
    name        varchar(255) NOT NULL,
    description text,
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX domain_name_uq ON domain (lower(name));

CREATE TABLE project (
    id          varchar(64) PRIMARY KEY,
    name        varchar(255) NOT NULL,
    domain_id   varchar(64) NOT NULL REFERENCES domain (id),
    parent_id   varchar(64) REFERENCES project (id),
    description text,
    enabled     boolean NOT NULL DEFAULT true,
    tags        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX project_domain_name_uq ON project (domain_id, name);
CREATE INDEX project_parent_idx ON project (parent_id);

CREATE TABLE identity_user (
    id                 varchar(64) PRIMARY KEY,
    name               varchar(255) NOT NULL,
    domain_id          varchar(64) NOT NULL REFERENCES domain (id),
    enabled            boolean NOT NULL DEFAULT true,
    password_hash      varchar(255),
    password_changed_at timestamptz,
    default_project_id varchar(64),
    description        text,
    email              varchar(255),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_domain_name_uq ON identity_user (domain_id, name);

CREATE TABLE identity_group (
    id          varchar(64) PRIMARY KEY,
    name        varchar(255) NOT NULL,
    domain_id   varchar(64) NOT NULL REFERENCES domain (id),
    description text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX group_domain_name_uq ON identity_group (domain_id, name);

CREATE TABLE group_membership (
    group_id varchar(64) NOT NULL REFERENCES identity_group (id) ON DELETE CASCADE,
    user_id  varchar(64) NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_membership_user_idx ON group_membership (user_id);

CREATE TABLE role (
    id          varchar(64) PRIMARY KEY,
    name        varchar(255) NOT NULL,
    domain_id   varchar(64) REFERENCES domain (id),
    description text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX role_name_uq ON role (lower(name), coalesce(domain_id, '<<null>>'));

CREATE TABLE implied_role (
    prior_role_id   varchar(64) NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    implied_role_id varchar(64) NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    PRIMARY KEY (prior_role_id, implied_role_id)
);

-- actor_type: 'user' | 'group'; target_type: 'project' | 'domain' | 'system' (target_id 'all')
CREATE TABLE role_assignment (
    id          bigserial PRIMARY KEY,
    actor_type  varchar(8)  NOT NULL,
    actor_id    varchar(64) NOT NULL,
    target_type varchar(8)  NOT NULL,
    target_id   varchar(64) NOT NULL,
    role_id     varchar(64) NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    inherited   boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX role_assignment_uq ON role_assignment (actor_type, actor_id, target_type, target_id, role_id, inherited);
CREATE INDEX role_assignment_target_idx ON role_assignment (target_type, target_id);
CREATE INDEX role_assignment_actor_idx ON role_assignment (actor_id);

CREATE TABLE region (
    id               varchar(255) PRIMARY KEY,
    description      text,
    parent_region_id varchar(255) REFERENCES region (id)
);

CREATE TABLE catalog_service (
    id          varchar(64) PRIMARY KEY,
    type        varchar(255) NOT NULL,
    name        varchar(255),
    description text,
    enabled     boolean NOT NULL DEFAULT true
);

CREATE TABLE endpoint (
    id         varchar(64) PRIMARY KEY,
    service_id varchar(64) NOT NULL REFERENCES catalog_service (id) ON DELETE CASCADE,
    interface  varchar(8) NOT NULL,
    region_id  varchar(255) REFERENCES region (id),
    url        text NOT NULL,
    enabled    boolean NOT NULL DEFAULT true
);

CREATE TABLE application_credential (
    id           varchar(64) PRIMARY KEY,
    name         varchar(255) NOT NULL,
    user_id      varchar(64) NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    project_id   varchar(64) NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    description  text,
    secret_hash  varchar(255) NOT NULL,
    expires_at   timestamptz,
    unrestricted boolean NOT NULL DEFAULT false,
    role_ids     text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX application_credential_user_name_uq ON application_credential (user_id, name);

-- ES256 signing keys. The newest active key signs; every key not yet retired verifies (JWKS).
CREATE TABLE signing_key (
    kid         varchar(64) PRIMARY KEY,
    private_jwk text NOT NULL,
    public_jwk  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retire_at   timestamptz
);

-- Durable copy of every revocation fact (the live copy travels on Kafka); pruned after expires_at.
CREATE TABLE revocation_event (
    id                        bigserial PRIMARY KEY,
    audit_id                  varchar(64),
    user_id                   varchar(64),
    project_id                varchar(64),
    domain_id                 varchar(64),
    application_credential_id varchar(64),
    issued_before             timestamptz NOT NULL,
    expires_at                timestamptz NOT NULL
);
CREATE INDEX revocation_event_expires_idx ON revocation_event (expires_at);

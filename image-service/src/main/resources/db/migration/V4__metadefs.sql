-- Glance's metadata definitions catalog (metadefs): namespaces of property, object and tag
-- definitions, and the resource types (OS::Glance::Image...) a namespace applies to.
CREATE TABLE metadef_namespace (
    id           uuid PRIMARY KEY,
    namespace    varchar(80) NOT NULL UNIQUE,
    display_name varchar(80),
    description  varchar(500),
    visibility   varchar(32) NOT NULL DEFAULT 'private',
    protected    boolean NOT NULL DEFAULT false,
    owner        varchar(255) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A namespace's property, object and tag definitions: one table, told apart by kind. The body is
-- the definition as the API shows it without its name (a property's JSON schema; an object's
-- description, properties and required list; nothing for a tag).
CREATE TABLE metadef_definition (
    id           uuid PRIMARY KEY,
    namespace_id uuid NOT NULL REFERENCES metadef_namespace (id) ON DELETE CASCADE,
    kind         varchar(16) NOT NULL CHECK (kind IN ('property', 'object', 'tag')),
    name         varchar(255) NOT NULL,
    body         jsonb NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (namespace_id, kind, name)
);

CREATE TABLE metadef_resource_type (
    name       varchar(80) PRIMARY KEY,
    protected  boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE metadef_resource_type_association (
    id                uuid PRIMARY KEY,
    namespace_id      uuid NOT NULL REFERENCES metadef_namespace (id) ON DELETE CASCADE,
    resource_type     varchar(80) NOT NULL REFERENCES metadef_resource_type (name),
    prefix            varchar(80),
    properties_target varchar(80),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (namespace_id, resource_type)
);

-- The resource types Glance's shipped definitions (etc/metadefs, loaded by glance-manage
-- db_load_metadefs) associate, as protected system types. Other types appear when a namespace is
-- first associated with them, as in Glance.
INSERT INTO metadef_resource_type (name, protected) VALUES
    ('OS::Glance::Image', true),
    ('OS::Cinder::Volume', true),
    ('OS::Nova::Flavor', true),
    ('OS::Nova::Aggregate', true),
    ('OS::Nova::Server', true),
    ('OS::Trove::Instance', true);

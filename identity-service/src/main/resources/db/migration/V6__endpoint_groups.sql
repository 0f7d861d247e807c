-- OS-EP-FILTER endpoint groups: filters over endpoints' service_id, interface and region_id.
CREATE TABLE endpoint_group (
    id          varchar(64) PRIMARY KEY,
    name        varchar(255) NOT NULL,
    description text,
    filters     jsonb NOT NULL
);

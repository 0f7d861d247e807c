-- the tables a service's migrations create for the kit's ProjectQuotas
create table quota_lock (
    project_id varchar(64) primary key
);
create table quota (
    project_id varchar(64) not null,
    resource   varchar(32) not null,
    hard_limit integer not null,
    primary key (project_id, resource)
);

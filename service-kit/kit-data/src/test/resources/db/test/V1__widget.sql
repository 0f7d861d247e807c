create table kit_widget (
    id   uuid primary key,
    name text not null
);

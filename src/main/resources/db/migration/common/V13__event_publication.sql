-- Spring Modulith's event publication registry (JPA): a module event is stored with the change that published
-- it, one row per listener, and deleted once its listener has run (completion-mode delete); what a killed
-- instance left is handled again at the next start.
create table event_publication (
    id               uuid                     not null primary key,
    listener_id      varchar(512)             not null,
    event_type       varchar(512)             not null,
    serialized_event varchar                  not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);

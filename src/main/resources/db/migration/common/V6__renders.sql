-- whether an airing is rendered is the pipeline's to say (table render), not the catalog's
alter table airing drop column rendered;

-- a finished file, content-addressed: the same source, length, ident, profile and processing give the same key
create table rendition (
    rendition_key   varchar(64)     primary key,
    codec           varchar(12)  not null,
    size_bytes      bigint       not null,
    sha256          varchar(64)     not null,
    duration_millis bigint       not null,
    integrated_lufs double precision not null,
    true_peak_dbtp  double precision not null,
    created_at      timestamp with time zone not null
);

-- each airing's render: which rendition it needs, when, and how far it got
create table render (
    airing_id       bigint       primary key references airing (id) on delete cascade,
    site            varchar(3)   not null,
    program         varchar(60)  not null,
    broadcast_date  date         not null,
    starts_at       timestamp with time zone not null,
    length_millis   bigint       not null,
    due_at          timestamp with time zone not null,
    source_sha256   varchar(64)     not null,
    ident_sha256    varchar(64),
    rendition_key   varchar(64)     not null,
    state           varchar(8)   not null,
    progress        double precision not null,
    attempts        integer      not null,
    reason          varchar(4000),
    claimed_by      varchar(40),
    updated_at      timestamp with time zone not null,
    version         bigint       not null
);
create index render_batch on render (source_sha256, broadcast_date);
create index render_starts on render (starts_at);

-- the station ident a site plays before each program, by the SHA-256 of its audio
alter table delivery_profile add column ident_sha256 varchar(64);

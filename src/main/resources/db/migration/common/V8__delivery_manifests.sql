-- each site's manifest: its version grows whenever its content changes (or it is renewed before expiry)
create table site_manifest (
    site           varchar(3)   primary key,
    version        bigint       not null,
    content_sha256 varchar(64)  not null,
    issued_at      timestamp with time zone not null
);

-- what a site did with an airing's file: fetched it whole, confirmed it by its hash
create table delivery (
    airing_id        bigint       primary key references airing (id) on delete cascade,
    site             varchar(3)   not null,
    sha256           varchar(64)  not null,
    fetched_at       timestamp with time zone,
    confirmed_at     timestamp with time zone,
    late_reported_at timestamp with time zone
);
create index delivery_site on delivery (site);

-- each site's agent's last manifest poll: kept in memory by the instance that answered it, written here every few
-- seconds (never older over newer, as instances share this table), read by the dashboard
create table agent_poll (
    site             varchar(3) primary key,
    last_poll_at     timestamp with time zone not null,
    manifest_version bigint  not null,
    interval_seconds integer,
    token_id         bigint
);

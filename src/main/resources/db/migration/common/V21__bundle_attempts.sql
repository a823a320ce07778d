-- How many times a bundle's build has started: a build that failed for what may pass (a full disk, a store out of
-- reach, FFmpeg stopped) is tried again, with a wait that doubles, until its attempts are used up.
alter table bundle add column attempts integer default 0 not null;

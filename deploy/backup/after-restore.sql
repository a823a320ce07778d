-- Run once after pg_restore, before any instance starts (deploy/README.md, Restore).
-- A site's agent takes no manifest older than the last one it took (a replayed manifest would bring back files
-- and times that were changed). Since the dump, each site's version grew with every change and every renewal
-- (twice a day): the restored versions are behind what the agents hold, and they would refuse every manifest
-- until the versions caught up. Moving every version far ahead lets them take the restored manifests at once.
update site_manifest set version = version + 1000000;

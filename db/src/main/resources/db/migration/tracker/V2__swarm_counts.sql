-- The swarm a torrent's peers meet in, and its counts as the registry last reported them.
-- swarm_hash is the v1 info-hash, or for a v2-only torrent its v2 hash truncated to 20 bytes
-- (what v2 clients announce, BEP 52): so a hybrid torrent's two hashes share one swarm.
alter table torrent add column swarm_hash char(40);
update torrent set swarm_hash = coalesce(info_hash_v1, substring(info_hash_v2, 1, 40));
alter table torrent alter column swarm_hash set not null;
alter table torrent add constraint torrent_swarm_hash_unique unique (swarm_hash);

alter table torrent add column seeders integer default 0 not null;
alter table torrent add column leechers integer default 0 not null;
alter table torrent add column completed bigint default 0 not null;

-- The title an uploader gave a torrent, shown and searched instead of the .torrent's own
-- name (issue #7). Null means none: the name from the metainfo is shown. The metainfo, and
-- so the info-hash, never changes; the name column keeps what the info dictionary says.
alter table torrent add column title varchar(1024);

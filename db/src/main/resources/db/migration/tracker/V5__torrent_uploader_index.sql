-- A profile page lists one uploader's newest torrents (GET /api/v1/torrents?uploader=):
-- without this index each such page scanned the whole catalogue.
create index torrent_by_uploader on torrent (uploader, id);
